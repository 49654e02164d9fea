import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { idParams, json, registerOperation } from "../openapi/common";
import { listDefinitionsQuerySchema, setConversationAttributesSchema } from "./api-attributes";
import { attributeTypes } from "./definitions-schemas";

export const definitionResponseSchema = z
  .strictObject({
    id: z.uuid(),
    entity: z.enum(["conversation", "user"]),
    key: z.string(),
    label: z.string(),
    type: z.enum(attributeTypes),
    options: z.array(z.string()),
    required: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "CustomAttributeDefinition" });

export const conversationAttributesResponseSchema = z
  .strictObject({ data: z.array(z.strictObject({ id: z.uuid(), key: z.string(), label: z.string(), value: z.unknown() })) })
  .meta({ id: "ConversationAttributes" });

export function registerCustomAttributePaths(registry: OpenAPIRegistry) {
  registerOperation(registry, {
    method: "get", path: "/api/v1/custom-attributes/", tags: ["Custom attributes"], keys: ["server"], summary: "List attribute definitions",
    description: "Defined in Settings → Custom attributes. `entity` filters conversation or user attributes.",
    request: { query: listDefinitionsQuerySchema }, success: { 200: json(pageOf(definitionResponseSchema, "CustomAttributeDefinitionPage"), "A page of definitions") },
  });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/conversations/{id}/custom-attributes/", tags: ["Conversations"], keys: ["server"], summary: "Set conversation attributes (Dixa shape)",
    description: "Body `{<definition id or key>: value}`; a select takes a list of one option (or the option), `null` clears. Values are type-checked against the definitions; an unknown id or key → 400. Answers every conversation attribute with its value (selects as a list). Emits `conversation_custom_attributes_updated`.",
    request: { params: idParams(), body: { content: { "application/json": { schema: setConversationAttributesSchema } } } },
    success: { 200: json(conversationAttributesResponseSchema, "The conversation's attributes") },
    errors: [404],
  });
}

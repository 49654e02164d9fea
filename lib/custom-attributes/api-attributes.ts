import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { customAttributeDefinitions as defs, type CustomAttributeDefinition } from "@/db/schema";
import type { Ctx } from "../context";
import { getConversation } from "../conversations/scope";
import { updateConversation } from "../conversations/update-conversation";
import { invalid } from "../errors";

/** The API names the end-user entity `user`, as the rest of the API does. */
export const apiAttributeEntitySchema = z.enum(["conversation", "user"]);
export const listDefinitionsQuerySchema = z.object({
  entity: apiAttributeEntitySchema.optional(),
  limit: z.coerce.number().int().min(1).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Dixa's shape: `{<definition id or key>: value}`; a select takes a list of one string (or the string); null clears. */
export const setConversationAttributesSchema = z.record(z.string().min(1).max(100), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).max(1), z.null()]));

export const serializeDefinition = (d: CustomAttributeDefinition) => ({
  id: d.id,
  entity: d.entity === "end_user" ? ("user" as const) : ("conversation" as const),
  key: d.key,
  label: d.label,
  type: d.type,
  options: d.options,
  required: d.required,
  created_at: d.createdAt.toISOString(),
});

export async function listApiDefinitions(ctx: Ctx, entity?: z.infer<typeof apiAttributeEntitySchema>) {
  const found = await db
    .select()
    .from(defs)
    .where(and(eq(defs.organizationId, ctx.orgId), entity ? eq(defs.entity, entity === "user" ? "end_user" : "conversation") : undefined))
    .orderBy(asc(defs.entity), asc(defs.key));
  return found.map(serializeDefinition);
}

const asApiValue = (d: CustomAttributeDefinition, value: unknown) => (value === undefined || value === null ? null : d.type === "select" ? [value] : value);

/**
 * `PATCH /conversations/{id}/custom-attributes/` (Dixa): keys are definition ids or keys; values are checked by the
 * same rules as PATCH `custom_attributes` (updateConversation), in its transaction. Answers every conversation
 * attribute definition with its value.
 */
export async function setConversationAttributes(ctx: Ctx, conversationId: string, input: z.output<typeof setConversationAttributesSchema>) {
  await getConversation(ctx, conversationId);
  const definitions = await db.select().from(defs).where(and(eq(defs.organizationId, ctx.orgId), eq(defs.entity, "conversation")));
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const d = definitions.find((x) => x.id === name || x.key === name);
    if (!d) throw invalid(`${name} is not a conversation attribute`, [{ path: [name], message: "no definition with this id or key" }]);
    patch[d.key] = Array.isArray(value) ? (value[0] ?? null) : value;
  }
  const conversation = await updateConversation(ctx, conversationId, { custom_attributes: patch });
  return {
    data: definitions
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((d) => ({ id: d.id, key: d.key, label: d.label, value: asApiValue(d, conversation.custom_attributes[d.key]) })),
  };
}

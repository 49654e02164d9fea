import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { listQuerySchema } from "../pagination/page-list";
import { idParams, json, registerOperation } from "../openapi/common";
import { CANNED_PLACEHOLDERS } from "./placeholders";
import { apiCreateCannedReplySchema, apiUpdateCannedReplySchema, renderCannedReplySchema } from "./schemas";

export const cannedReplyResponseSchema = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    shortcut: z.string(),
    body: z.string(),
    shared: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "CannedReply" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });

export function registerCannedReplyPaths(registry: OpenAPIRegistry) {
  const tags = ["Canned replies"];
  const params = idParams();
  const one = (d: string) => ({ 200: json(cannedReplyResponseSchema, d) });
  const placeholders = CANNED_PLACEHOLDERS.map((p) => `\`{{${p}}}\``).join(", ");
  registerOperation(registry, {
    method: "get", path: "/api/v1/canned-replies/", tags, keys: ["server"], summary: "List canned replies (templates)",
    request: { query: listQuerySchema }, success: { 200: json(pageOf(cannedReplyResponseSchema, "CannedReplyPage"), "A page of templates") },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/canned-replies/", tags, keys: ["server"], summary: "Create a canned reply",
    description: `Shared with every agent. The body may use ${placeholders}. Audited; emits \`canned_reply_created\`.`,
    request: body(apiCreateCannedReplySchema), success: { 201: json(cannedReplyResponseSchema, "The new template") },
  });
  registerOperation(registry, { method: "get", path: "/api/v1/canned-replies/{id}/", tags, keys: ["server"], summary: "Get a canned reply", request: { params }, success: one("The template"), errors: [404] });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/canned-replies/{id}/", tags, keys: ["server"], summary: "Update a canned reply", description: "Audited; emits `canned_reply_updated`.",
    request: { params, ...body(apiUpdateCannedReplySchema) }, success: one("The template"), errors: [404],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/canned-replies/{id}/", tags, keys: ["server"], summary: "Delete a canned reply", description: "Audited; emits `canned_reply_deleted`.",
    request: { params }, success: { 200: json(z.object({ id: z.uuid() }), "Deleted") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/canned-replies/{id}/render/", tags, keys: ["server"], summary: "Render for a conversation",
    description: "The body with its placeholders filled from the conversation, its requester and its assignee (unknown values become empty).",
    request: { params, ...body(renderCannedReplySchema) }, success: { 200: json(z.object({ body: z.string() }).meta({ id: "RenderedReply" }), "The rendered body") }, errors: [404],
  });
}

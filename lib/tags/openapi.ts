import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { listQuerySchema } from "../pagination/page-list";
import { idParams, json, registerOperation } from "../openapi/common";
import { apiCreateTagSchema, apiUpdateTagSchema } from "./schemas";

export const tagResponseSchema = z
  .strictObject({ id: z.uuid(), name: z.string(), color: z.string(), conversations: z.number().int().optional().meta({ description: "In lists: how many conversations carry it" }) })
  .meta({ id: "Tag" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });

export function registerTagPaths(registry: OpenAPIRegistry) {
  const tags = ["Tags"];
  const params = idParams();
  registerOperation(registry, {
    method: "get", path: "/api/v1/tags/", tags, keys: ["server"], summary: "List tags",
    request: { query: listQuerySchema }, success: { 200: json(pageOf(tagResponseSchema, "TagPage"), "A page of tags, by name") },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/tags/", tags, keys: ["server"], summary: "Create a tag",
    description: "Names are unique, case-insensitively (400 when taken). Audited; emits `tag_created`.",
    request: body(apiCreateTagSchema), success: { 201: json(tagResponseSchema, "The new tag") },
  });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/tags/{id}/", tags, keys: ["server"], summary: "Rename or recolor a tag",
    description: "Conversations keep the tag. Audited; emits `tag_updated`.",
    request: { params, ...body(apiUpdateTagSchema) }, success: { 200: json(tagResponseSchema, "The tag") }, errors: [404],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/tags/{id}/", tags, keys: ["server"], summary: "Delete a tag",
    description: "Removes it from every conversation. Audited; emits `tag_deleted`.",
    request: { params }, success: { 200: json(z.object({ id: z.uuid() }), "Deleted") }, errors: [404],
  });
}

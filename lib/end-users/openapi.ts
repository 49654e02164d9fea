import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { idParams, json, registerOperation } from "../openapi/common";
import { listEndUsersQuerySchema, updateEndUserSchema } from "./schemas";

export const endUserResponseSchema = z
  .strictObject({
    id: z.uuid(),
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    external_id: z.string().nullable(),
    custom_attributes: z.record(z.string(), z.unknown()),
    anonymous: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "User" });

const tags = ["Users"];

export function registerEndUserPaths(registry: OpenAPIRegistry) {
  registerOperation(registry, {
    method: "get", path: "/api/v1/users/", tags, keys: ["server"], summary: "List end users",
    description: "Newest first; `email` or `external_id` look one up.",
    request: { query: listEndUsersQuerySchema },
    success: { 200: json(pageOf(endUserResponseSchema, "UserPage"), "A page of end users") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/users/{id}/", tags, keys: ["server"], summary: "Get an end user",
    request: { params: idParams() }, success: { 200: json(endUserResponseSchema, "The end user") }, errors: [404],
  });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/users/{id}/", tags, keys: ["server"], summary: "Update an end user",
    description: "`custom_attributes` merges (null deletes a key). Emits `user_updated`.",
    request: { params: idParams(), body: { content: { "application/json": { schema: updateEndUserSchema } } } },
    success: { 200: json(endUserResponseSchema, "The updated end user") }, errors: [404, 409],
  });
}

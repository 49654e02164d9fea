import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { messageResponseSchema } from "../conversations/openapi";
import { idParams, json, registerOperation } from "../openapi/common";
import { createNoteSchema } from "./notes";

export function registerNotePaths(registry: OpenAPIRegistry) {
  const tags = ["Conversations"];
  registerOperation(registry, {
    method: "get", path: "/api/v1/conversations/{id}/notes/", tags, keys: ["server"], summary: "List private notes",
    description: "Oldest first.",
    request: { params: idParams() }, success: { 200: json(z.object({ count: z.number().int(), results: z.array(messageResponseSchema) }).meta({ id: "NoteList" }), "The notes") },
    errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/notes/", tags, keys: ["server"], summary: "Add a private note",
    description: "Written by the agent named in `user_email`, or by the organization's API identity. Never shown to end users. Emits `note_created`.",
    request: { params: idParams(), body: { content: { "application/json": { schema: createNoteSchema } } } },
    success: { 201: json(messageResponseSchema, "The note") }, errors: [404],
  });
}

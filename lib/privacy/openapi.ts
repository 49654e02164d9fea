import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { idParams, json, registerOperation } from "../openapi/common";
import { anonymizeSchema } from "./schemas";

const done = z.object({ status: z.literal("done") }).meta({ id: "AnonymizeResult" });
const body = { body: { content: { "application/json": { schema: anonymizeSchema } } } };
const WHAT =
  "Irreversible. Names, emails, external ids, attribute values, subjects and message bodies become `[anonymized]` (or are removed), in the search index, activity log, events feed, webhook redeliveries and idempotent replays too; attachments are deleted. Rows, counts and timestamps stay for reports. Conversations that are not closed need `force: true` (they are closed first), else 409. Each erasure writes an audit row (ids and counts only).";

export function registerPrivacyPaths(registry: OpenAPIRegistry) {
  const tags = ["Privacy (GDPR)"];
  registerOperation(registry, {
    method: "post", path: "/api/v1/users/{id}/anonymize/", tags, keys: ["server"], summary: "Anonymize an end user",
    description: `The profile and every conversation they requested. ${WHAT} Emits \`conversation_anonymized\` per conversation and \`user_anonymized\`.`,
    request: { params: idParams(), ...body }, success: { 202: json(done, "Anonymized") }, errors: [404, 409],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/anonymize/", tags, keys: ["server"], summary: "Anonymize a conversation",
    description: `One conversation; the requester's profile stays. ${WHAT} Emits \`conversation_anonymized\`.`,
    request: { params: idParams(), ...body }, success: { 202: json(done, "Anonymized") }, errors: [404, 409],
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/users/{id}/export/", tags, keys: ["server"], summary: "Export an end user's data",
    description: "Everything stored about the end user as one JSON document: profile, conversations with messages (notes included), activity, rating and files (`files`, with signed download links), files they uploaded outside their conversations (`other_uploads`), messages written elsewhere, profile events. Each export writes an audit row (`end_user.exported`).",
    request: { params: idParams() },
    success: { 200: json(z.object({ exported_at: z.iso.datetime(), user: z.record(z.string(), z.unknown()), conversations: z.array(z.record(z.string(), z.unknown())), messages_in_other_conversations: z.array(z.record(z.string(), z.unknown())), other_uploads: z.array(z.record(z.string(), z.unknown())), profile_events: z.array(z.record(z.string(), z.unknown())) }).meta({ id: "UserExport" }), "The export") },
    errors: [404],
  });
}

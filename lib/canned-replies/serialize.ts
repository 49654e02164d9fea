import type { CannedReply } from "@/db/schema";

/** The public shape of a canned reply (template); `shared` ones are visible to every agent. */
export const serializeCannedReply = (r: CannedReply) => ({
  id: r.id,
  title: r.title,
  shortcut: r.shortcut,
  body: r.body,
  shared: r.ownerAgentId === null,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

import type { Tx } from "@/db/client";
import type { Ctx } from "../context";

/**
 * HOOK for lib/attachments (helper H14, not on this branch): anonymization must delete the stored files and rows
 * of every attachment of these conversations' messages, in the same transaction (the files after commit, from
 * a durable queue). Until lib/attachments exists there is nothing to delete; the integrator wires its
 * `deleteAttachmentsOfConversations(tx, ctx, conversationIds)` here.
 */
export async function anonymizeAttachmentsHook(_tx: Tx, _ctx: Ctx, _conversationIds: string[]): Promise<void> {}

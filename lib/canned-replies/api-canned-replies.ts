import type { z } from "zod";
import type { Ctx } from "../context";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "./manage-canned-replies";
import { getCannedReply } from "./render";
import type { apiCreateCannedReplySchema, apiUpdateCannedReplySchema } from "./schemas";
import { serializeCannedReply } from "./serialize";

// The /api/v1/canned-replies edges over the Settings functions (same checks, audit and events).
export async function createApiCannedReply(ctx: Ctx, input: z.output<typeof apiCreateCannedReplySchema>) {
  return serializeCannedReply(await createCannedReply(ctx, { ...input, shared: true }));
}

export async function updateApiCannedReply(ctx: Ctx, id: string, input: z.output<typeof apiUpdateCannedReplySchema>) {
  const current = await getCannedReply(ctx, id);
  const next = { title: current.title, shortcut: current.shortcut, body: current.body, ...input };
  return serializeCannedReply(await updateCannedReply(ctx, { id, ...next, shared: current.ownerAgentId === null }));
}

export async function deleteApiCannedReply(ctx: Ctx, id: string) {
  await getCannedReply(ctx, id);
  return deleteCannedReply(ctx, { id });
}

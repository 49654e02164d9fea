import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { channels } from "@/db/schema";
import type { Ctx } from "../context";
import { createChannel } from "../channels/manage-channels";
import type { CreateChannelInput } from "../channels/schemas";
import { verificationCode } from "../channels/verification-code";
import { verifyChannel } from "../channels/verify-channel";

/**
 * For tests and benchmarks whose subject is not verification: enters the code the verification mail would
 * carry (the same derivation the mail uses) through the real verifyChannel. The mail path itself is tested in
 * lib/channels/channel-verification.test.ts.
 */
export async function verifyChannelAsMailboxOwner(ctx: Ctx, channelId: string) {
  const [row] = await db.select({ nonce: channels.verificationNonce }).from(channels).where(eq(channels.id, channelId));
  return verifyChannel(ctx, channelId, { code: verificationCode(channelId, row!.nonce!) });
}

/** createChannel + verifyChannelAsMailboxOwner. */
export async function createVerifiedChannel(ctx: Ctx, input: CreateChannelInput) {
  const created = await createChannel(ctx, input);
  return verifyChannelAsMailboxOwner(ctx, created.id);
}

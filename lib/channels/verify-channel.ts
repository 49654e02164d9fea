import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { channels, type Channel } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError, invalid, notFound } from "../errors";
import { isUuid } from "../ids";
import { defaultChannelId, issueVerification, listChannelRows, serializeChannel } from "./manage-channels";
import { verifyChannelSchema } from "./schemas";
import { codeMatches, codesIn, VERIFICATION_TTL_HOURS } from "./verification-code";

/** "Resend verification" at most this often per channel (each resend mails the address). */
export const RESEND_AFTER_SECONDS = 60;

const isUniqueViolation = (error: unknown) => (error as { code?: string; cause?: { code?: string } }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505";

async function channelOf(ctx: Ctx, id: string): Promise<Channel> {
  if (!isUuid(id)) throw notFound("Channel");
  const [row] = await db.select().from(channels).where(and(eq(channels.id, id), eq(channels.organizationId, ctx.orgId)));
  if (!row) throw notFound("Channel");
  return row;
}

const stillValid = (channel: Channel) => !!channel.verificationExpiresAt && channel.verificationExpiresAt.getTime() > Date.now();

/**
 * Marks a pending channel verified. The partial unique index on verified addresses decides a race between two
 * organizations: the loser gets a conflict. Other organizations' pending attempts at the address stop mailing.
 */
async function markVerified(channel: Channel): Promise<Channel> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(channels)
        .set({ status: "verified", verifiedAt: new Date(), verificationNonce: null, verificationNextAttemptAt: null, verificationLockedUntil: null, verificationError: null })
        .where(and(eq(channels.id, channel.id), eq(channels.status, "pending")))
        .returning();
      await rows(
        sql`update channels set verification_next_attempt_at = null, verification_nonce = null,
            verification_error = 'This address was verified by another organization'
          where lower(address) = lower(${channel.address}) and status = 'pending' and id <> ${channel.id}`,
        tx,
      );
      return row ?? channel;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", `${channel.address} is already verified by another organization`);
    throw error;
  }
}

/** The code from the verification mail, entered by an admin (Settings → Channels or the API). */
export async function verifyChannel(ctx: Ctx, id: string, input: unknown) {
  // Another organization's (or no) channel is a 404 before anything about the body is said.
  let channel = await channelOf(ctx, id);
  const { code } = verifyChannelSchema.parse(input);
  if (channel.status === "pending") {
    if (!stillValid(channel) || !codeMatches(channel.id, channel.verificationNonce, code)) {
      throw invalid("The code is wrong or has expired: use the code of the latest verification mail, or resend it", [{ path: ["code"], message: "wrong or expired code" }]);
    }
    channel = await markVerified(channel);
  }
  return serializeChannel(channel, defaultChannelId(await listChannelRows(ctx)));
}

/** A new code (the old one stops working), mailed again by the email worker. */
export async function resendVerification(ctx: Ctx, id: string) {
  const channel = await channelOf(ctx, id);
  if (channel.status === "verified") throw new ApiError("conflict", `${channel.address} is already verified`);
  const [taken] = await rows(sql`select 1 from channels where lower(address) = lower(${channel.address}) and status = 'verified'`);
  if (taken) throw new ApiError("conflict", `${channel.address} is already verified by another organization`);
  const [row] = await db
    .update(channels)
    .set(issueVerification())
    .where(
      and(
        eq(channels.id, channel.id),
        sql`(${channels.verificationExpiresAt} is null or ${channels.verificationExpiresAt} - ${VERIFICATION_TTL_HOURS} * interval '1 hour' < now() - ${RESEND_AFTER_SECONDS} * interval '1 second')`,
      ),
    )
    .returning();
  if (!row) throw new ApiError("rate_limited", `A verification mail was just issued; try again in a minute`, undefined, { "Retry-After": String(RESEND_AFTER_SECONDS) });
  return serializeChannel(row, defaultChannelId(await listChannelRows(ctx)));
}

/**
 * The forwarding-confirmation path: our verification mail, forwarded by the address's mailbox (or delivered by its
 * MX) back to our inbound listener, carries its code. Returns the pending channels among `candidates` it verified.
 */
export async function verifyByInboundMail(candidates: Channel[], texts: (string | undefined)[]): Promise<Channel[]> {
  const codes = codesIn(texts.filter(Boolean).join("\n"));
  if (!codes.length) return [];
  const verified: Channel[] = [];
  for (const channel of candidates) {
    if (channel.status !== "pending" || !stillValid(channel)) continue;
    if (!codes.some((code) => codeMatches(channel.id, channel.verificationNonce, code))) continue;
    verified.push(await markVerified(channel).catch((error) => (error instanceof ApiError ? channel : Promise.reject(error))));
  }
  return verified.filter((c) => c.status === "verified");
}

import { and, asc, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { channels, type Channel } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError, notFound } from "../errors";
import { isUuid } from "../ids";
import { createChannelSchema, type CreateChannelInput } from "./schemas";
import { newVerificationNonce, VERIFICATION_TTL_HOURS } from "./verification-code";

/**
 * The default channel (send-message and new outbound mail use it): the first verified one, else the first
 * created (whose pending state then explains why nothing goes out).
 */
export function defaultChannelId(list: Channel[]): string | null {
  return (list.find((c) => c.status === "verified") ?? list[0])?.id ?? null;
}

export function serializeChannel(channel: Channel, defaultId: string | null) {
  return {
    id: channel.id,
    type: channel.type,
    address: channel.address,
    name: channel.name,
    is_default: channel.id === defaultId,
    status: channel.status,
    verified_at: channel.verifiedAt?.toISOString() ?? null,
    // Where the verification mail stands (never its code: only the mail carries that).
    verification:
      channel.status === "verified"
        ? null
        : {
            sent_at: channel.verificationSentAt?.toISOString() ?? null,
            expires_at: channel.verificationExpiresAt?.toISOString() ?? null,
            error: channel.verificationError,
          },
    created_at: channel.createdAt.toISOString(),
  };
}
export type ChannelJson = ReturnType<typeof serializeChannel>;

/** Columns that (re)issue a verification mail: a fresh nonce (so a fresh code), due now. */
export const issueVerification = () => ({
  verificationNonce: newVerificationNonce(),
  verificationExpiresAt: sql`now() + ${VERIFICATION_TTL_HOURS} * interval '1 hour'`,
  verificationNextAttemptAt: sql`now()`,
  verificationLockedUntil: null,
  verificationAttempts: 0,
  verificationError: null,
});

/**
 * A new address starts `pending`: no mail is taken in or sent from it until a verification mail, sent to it
 * through our own outbound SMTP, proves the organization receives its mail. An address another organization
 * has verified cannot be added at all (no detail of whose).
 */
export async function createChannel(ctx: Ctx, input: CreateChannelInput) {
  const params = createChannelSchema.parse(input);
  const [taken] = await db
    .select({ organizationId: channels.organizationId })
    .from(channels)
    .where(and(sql`lower(${channels.address}) = lower(${params.address})`, eq(channels.status, "verified")));
  if (taken && taken.organizationId !== ctx.orgId) throw new ApiError("conflict", `${params.address} is already verified by another organization`);
  const [row] = await db
    .insert(channels)
    .values({ organizationId: ctx.orgId, type: params.type, address: params.address, name: params.name, status: "pending", ...issueVerification() })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ApiError("conflict", `${params.address} is already a channel of this organization`);
  const list = await listChannelRows(ctx);
  return serializeChannel(row, defaultChannelId(list));
}

export async function listChannelRows(ctx: Ctx, executor: DbOrTx = db) {
  return executor.select().from(channels).where(eq(channels.organizationId, ctx.orgId)).orderBy(asc(channels.createdAt), asc(channels.id));
}

export async function listChannels(ctx: Ctx) {
  const list = await listChannelRows(ctx);
  const defaultId = defaultChannelId(list);
  return { count: list.length, results: list.map((c) => serializeChannel(c, defaultId)) };
}

/** Replies already queued keep their From (the thread remembers the address); new mail to it bounces. */
export async function deleteChannel(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("Channel");
  const [row] = await db.delete(channels).where(and(eq(channels.id, id), eq(channels.organizationId, ctx.orgId))).returning({ id: channels.id });
  if (!row) throw notFound("Channel");
  return { id, deleted: true };
}

/** `channelId` when given (404 outside the organization), else the default channel; null when there is none. */
export async function findEmailChannel(ctx: Ctx, channelId?: string, executor: DbOrTx = db): Promise<Channel | null> {
  if (channelId) {
    if (!isUuid(channelId)) throw notFound("Channel");
    const [row] = await executor.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.organizationId, ctx.orgId)));
    if (!row) throw notFound("Channel");
    return row;
  }
  const list = await listChannelRows(ctx, executor);
  return list.find((c) => c.id === defaultChannelId(list)) ?? null;
}

/** Routing: the channels (verified or pending) whose address is one of `addresses` (already lowercased, sub-address removed). */
export async function findChannelsByAddress(addresses: string[], executor: DbOrTx = db): Promise<Channel[]> {
  if (!addresses.length) return [];
  return executor.select().from(channels).where(sql`lower(${channels.address}) in ${addresses}`);
}

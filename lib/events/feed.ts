import { z } from "zod";
import { rows, sql } from "@/db/client";
import type { Ctx } from "../context";
import { serializeEvent } from "./envelope";

export const EVENT_FEED_RETENTION_DAYS = 30;
const CURSOR = /^(\d{1,20})_(\d{1,19})$/;
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;
// Zod runs this even when the pattern failed; that case is already reported.
const cursorInRange = (cursor: string) => {
  const match = CURSOR.exec(cursor);
  return !match || (BigInt(match[1]!) <= MAX_XID8 && BigInt(match[2]!) <= MAX_BIGINT);
};

export const listEventsSchema = z.object({
  after: z.string().regex(CURSOR, "after must be a cursor returned as next_cursor").refine(cursorInRange, "after must be a cursor returned as next_cursor").optional(),
  limit: z.coerce.number().int().min(1).default(100).transform((n) => Math.min(n, 1000)),
});
export type ListEventsInput = z.input<typeof listEventsSchema>;

type FeedRow = { id: string; type: string; created_at: Date | string; organization_id: string; data: Record<string, unknown>; cursor: string };

/**
 * The organization's events after a cursor, oldest first. Rows are ordered by (tx_id, seq) and only rows of
 * transactions older than every still-running one (pg_snapshot_xmin) are served: a transaction that commits
 * late always has a tx_id at or above that horizon, so it sorts after any cursor already handed out.
 * `sequence` in each event's data orders events within one conversation.
 */
export async function listEvents(ctx: Ctx, input: ListEventsInput = {}) {
  const params = listEventsSchema.parse(input);
  const match = params.after ? CURSOR.exec(params.after) : null;
  const found = await rows<FeedRow>(sql`
    select id, type, created_at, organization_id, data, tx_id::text || '_' || seq as cursor
    from events
    where organization_id = ${ctx.orgId}
      and type <> 'webhook_test'
      and created_at > now() - ${EVENT_FEED_RETENTION_DAYS} * interval '1 day'
      and tx_id < pg_snapshot_xmin(pg_current_snapshot())
      ${match ? sql`and (tx_id, seq) > (${match[1]}::xid8, ${match[2]}::bigint)` : sql``}
    order by tx_id, seq
    limit ${params.limit + 1}`);
  const page = found.slice(0, params.limit);
  return {
    results: page.map((r) =>
      serializeEvent({ id: r.id, type: r.type, createdAt: new Date(r.created_at), organizationId: r.organization_id, data: r.data }),
    ),
    next_cursor: page.at(-1)?.cursor ?? params.after ?? null,
    has_more: found.length > params.limit,
  };
}

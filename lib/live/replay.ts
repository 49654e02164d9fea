import { z } from "zod";
import { rows, sql } from "@/db/client";
import type { LiveSignal } from "../events/types";

/**
 * A live cursor is a transaction id horizon: every change that a read made now cannot see yet belongs to a
 * transaction whose id is at or above the oldest one still running (or the next one to start). So a page that
 * reads the cursor BEFORE its data, and a stream that replays every event at or above it, miss nothing between
 * the two (the replay may repeat a few changes the page already shows: signals only make clients refetch).
 */
const DIGITS = /^\d{1,20}$/;
// Zod runs the refinement even when the pattern failed: it checks the pattern again before BigInt.
export const liveCursorSchema = z
  .string()
  .regex(DIGITS, "after must be a live cursor")
  .refine((value) => !DIGITS.test(value) || BigInt(value) < 2n ** 64n, "after must be a live cursor");

/** The cursor to hand to a page before it reads the data it renders. */
export async function readLiveCursor(): Promise<string> {
  const [row] = await rows<{ cursor: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as cursor`);
  return row!.cursor;
}

export const REPLAY_LIMIT = 500;

export type Replay = { signals: LiveSignal[]; cursor: string; truncated: boolean };

/**
 * The organization's changes at or after `cursor`, one signal per conversation touched (a client refetches a
 * conversation once however many events it had), and the cursor a later reconnect resumes from. More than
 * REPLAY_LIMIT events: `truncated`, and the client refetches everything instead.
 */
export async function replayLiveSignals(orgId: string, cursor: string): Promise<Replay> {
  const found = await rows<{ conversation_id: string | null; type: string; head: string }>(sql`
    select e.conversation_id, e.type, h.head
    from (select pg_snapshot_xmin(pg_current_snapshot())::text as head) h
    left join lateral (
      select conversation_id, type from events
      where organization_id = ${orgId} and tx_id >= ${cursor}::xid8 and type <> 'webhook_test'
      order by tx_id, seq
      limit ${REPLAY_LIMIT + 1}
    ) e on true`);
  const head = found[0]!.head;
  const events = found.filter((r) => r.type !== null);
  const seen = new Map<string, LiveSignal>();
  for (const e of events) {
    const key = e.conversation_id ?? `org:${e.type}`;
    seen.set(key, { orgId, conversationId: e.conversation_id, type: e.type });
  }
  return { signals: [...seen.values()], cursor: head, truncated: events.length > REPLAY_LIMIT };
}

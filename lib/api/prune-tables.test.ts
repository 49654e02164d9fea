import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows, sql } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestOrg } from "../testing/test-org";
import { pruneExpiredRows } from "./prune-tables";

describe("pruning ever-growing tables", () => {
  it("removes expired idempotency keys, ended rate-limit windows, stale sign-in throttles and expired sessions, keeps live rows", async () => {
    const { serverKey, orgId, owner } = await createTestOrg();
    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.prefix, serverKey.slice(0, 16)));
    const tag = randomUUID();
    await db.execute(sql`insert into idempotency_keys (api_key_id, key, organization_id, request_hash, created_at) values
      (${key!.id}, ${`old-${tag}`}, ${orgId}, 'h', now() - interval '25 hours'),
      (${key!.id}, ${`new-${tag}`}, ${orgId}, 'h', now() - interval '1 hour')`);
    await db.execute(sql`insert into rate_limit_counters (bucket, window_start, count) values
      (${`old-${tag}`}, now() - interval '10 minutes', 5), (${`new-${tag}`}, date_trunc('minute', now()), 5)`);
    await db.execute(sql`insert into login_throttles (scope, key, failures, window_started_at, locked_until) values
      ('email', ${`old-${tag}@x.test`}, 3, now() - interval '3 days', null),
      ('email', ${`locked-${tag}@x.test`}, 9, now() - interval '3 days', now() + interval '1 hour'),
      ('email', ${`new-${tag}@x.test`}, 1, now(), null)`);

    const [expired, live] = [randomUUID(), randomUUID()];
    await db.execute(sql`insert into agent_sessions (id, organization_id, agent_id, expires_at) values
      (${expired}, ${orgId}, ${owner.id}, now() - interval '1 minute'), (${live}, ${orgId}, ${owner.id}, now() + interval '1 day')`);

    const removed = await pruneExpiredRows({ force: true });
    expect(removed!.idempotency_keys).toBeGreaterThanOrEqual(1);

    const left = await rows<{ k: string }>(sql`
      select key as k from idempotency_keys where key like ${`%-${tag}`}
      union all select bucket from rate_limit_counters where bucket like ${`%-${tag}`}
      union all select key from login_throttles where key like ${`%-${tag}@x.test`}
      order by 1`);
    expect(left.map((r) => r.k)).toEqual([`locked-${tag}@x.test`, `new-${tag}`, `new-${tag}`, `new-${tag}@x.test`]);
    const sessions = await rows<{ id: string }>(sql`select id from agent_sessions where id in (${expired}, ${live})`);
    expect(sessions.map((r) => r.id)).toEqual([live]);
  });

  it("runs once per period across instances: of concurrent runs exactly one prunes", async () => {
    await pruneExpiredRows({ force: true });
    const results = await Promise.all(Array.from({ length: 5 }, () => pruneExpiredRows()));
    expect(results.filter((r) => r !== null)).toHaveLength(0);
    await db.execute(sql`update job_runs set last_run_at = now() - interval '1 hour' where name = 'prune-expired-rows'`);
    const next = await Promise.all(Array.from({ length: 5 }, () => pruneExpiredRows()));
    expect(next.filter((r) => r !== null)).toHaveLength(1);
  });
});

describe("pruning unsent uploads (the regular prune job, not only the email worker)", () => {
  it("removes uploads never sent after a day, rows and bytes; keeps fresh ones", async () => {
    const { fileStore } = await import("../attachments/store");
    const { orgId } = await createTestOrg();
    const tag = randomUUID();
    const keys = { old: `${orgId}/old-${tag}`, fresh: `${orgId}/fresh-${tag}` };
    for (const key of Object.values(keys)) await fileStore().put(key, Buffer.from("x"), "text/plain");
    await db.execute(sql`insert into attachments (organization_id, filename, content_type, size, storage_key, created_at) values
      (${orgId}, 'old.txt', 'text/plain', 1, ${keys.old}, now() - interval '25 hours'),
      (${orgId}, 'fresh.txt', 'text/plain', 1, ${keys.fresh}, now() - interval '1 hour')`);
    const removed = await pruneExpiredRows({ force: true });
    expect(removed!.unsent_attachments).toBeGreaterThanOrEqual(1);
    expect(removed!.stored_files).toBeGreaterThanOrEqual(1);
    expect(await fileStore().get(keys.old)).toBeNull();
    expect(await fileStore().get(keys.fresh)).not.toBeNull();
    const left = await rows<{ storage_key: string }>(sql`select storage_key from attachments where organization_id = ${orgId} order by 1`);
    expect(left.map((r) => r.storage_key)).toEqual([keys.fresh]);
  });
});

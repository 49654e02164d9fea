import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows, sql } from "@/db/client";
import { claimIdempotencyKey, LEASE_MS } from "@/lib/api/idempotency";
import { apiKeys, conversations } from "@/db/schema";
import { callRoute } from "@/lib/api/testing/call-route";
import { createTestOrg } from "@/lib/testing/test-org";
import * as create from "./conversations/create/route";

const run = promisify(execFile);

describe("Idempotency-Key after a crash mid-request", () => {
  it("a claim whose process was killed is released: the retry runs once instead of a 409 for 24 hours", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.prefix, serverKey.slice(0, 16)));
    const body = { subject: "Charged once", user_email: "crash@example.com" };
    const bodyText = JSON.stringify(body);
    // The child claims the key the way POST /conversations/create/ would, then is killed before answering.
    const child = await run("node_modules/.bin/tsx", ["lib/api/testing/claim-and-die.ts", key!.id, orgId, "crash-1", `POST /api/v1/conversations/create\n${bodyText}`], {
      env: process.env,
    }).catch((error: { stdout: string; signal: string }) => error);
    expect(child.stdout).toBe("claimed\n");
    // Killed, not exited: tsx reports its child's SIGKILL as a signal or as exit code 137.
    const { signal, code } = child as { signal?: string | null; code?: number };
    expect(signal === "SIGKILL" || code === 137).toBe(true);

    const started = Date.now();
    const retry = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key: serverKey, body: bodyText, headers: { "idempotency-key": "crash-1" } });
    expect(retry.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await db.$count(conversations, eq(conversations.organizationId, orgId))).toBe(1);
    const replay = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key: serverKey, body: bodyText, headers: { "idempotency-key": "crash-1" } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(retry.body.id);
  });

  it("a live request renews its lease past LEASE_MS, so a retry cannot take over a request that is still running", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.prefix, serverKey.slice(0, 16)));
    const claim = await claimIdempotencyKey(key!.id, orgId, "long-1", "POST /x\n{}");
    expect(claim.replay).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1500));
    const [row] = await rows<{ live: boolean }>(sql`select lease_expires_at > now() as live from idempotency_keys where api_key_id = ${key!.id} and key = 'long-1'`);
    expect(row!.live).toBe(true);
    if (!claim.replay) claim.release();
  }, 30_000);

  it("a request that is merely slow keeps its claim: a concurrent retry waits and replays, never runs twice", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const body = { subject: "Slow but alive" };
    const headers = { "idempotency-key": "slow-1" };
    const answers = await Promise.all([1, 2, 3].map(() => callRoute(create.POST, "POST", "x", { key: serverKey, body, headers })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await db.$count(conversations, eq(conversations.organizationId, orgId))).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { POST as createRoute } from "@/app/api/v1/conversations/create/route";
import { GET as listRoute } from "@/app/api/v1/conversations/route";
import { POST as messageRoute } from "@/app/api/v1/conversations/[id]/messages/create/route";
import { createAgent } from "../agents/create-agent";
import { callRoute } from "../api/testing/call-route";
import { claimConversation } from "../conversations/claim-conversation";
import { createConversation } from "../conversations/create-conversation";
import { subscribeLive } from "../live/listener";
import type { LiveMessage } from "../live/types";
import { createTestOrg } from "../testing/test-org";
import { startPgBouncer, type PgBouncer } from "./testing/pgbouncer";

// The whole app through a real PgBouncer in transaction mode (3 server connections for a pool of 10 clients),
// with DATABASE_DIRECT_URL at the server for LISTEN, migrations and advisory locks.
let bouncer: PgBouncer;
const serverUrl = process.env.DATABASE_URL!;

beforeAll(async () => {
  const server = new URL(serverUrl);
  bouncer = await startPgBouncer(server, { poolSize: 3 });
  await closeDb();
  process.env.DATABASE_DIRECT_URL = serverUrl;
  process.env.DATABASE_URL = bouncer.url(server.pathname.slice(1));
});

afterAll(async () => {
  await closeDb();
  await bouncer?.stop();
  process.env.DATABASE_URL = serverUrl;
  delete process.env.DATABASE_DIRECT_URL;
});

describe("behind PgBouncer (transaction mode)", () => {
  it("requests run through the pooler: many concurrent API creates, replies and lists, no session state needed", async () => {
    const org = await createTestOrg("Pooled");
    const key = org.serverKey;
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        callRoute(createRoute, "POST", "/api/v1/conversations/create/", { key, body: { subject: `Pooled ${i}`, user_email: `p${i}@example.com`, description: "hello" } }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(new Set(created.map((r) => r.body.number)).size).toBe(40);
    const replies = await Promise.all(
      created.map((c, i) =>
        callRoute(messageRoute, "POST", `/api/v1/conversations/${c.body.id}/messages/create/`, { key, params: { id: c.body.id }, body: { body: `reply ${i}`, user_email: `p${i}@example.com` } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
    const lists = await Promise.all(Array.from({ length: 20 }, () => callRoute(listRoute, "GET", "/api/v1/conversations/?limit=5", { key })));
    for (const list of lists) expect(list).toMatchObject({ status: 200, body: { count: 40 } });
  });

  it("50 concurrent claims through the pooler have exactly one winner", async () => {
    const { ctx, orgId } = await createTestOrg("Claims");
    const agents = await Promise.all(Array.from({ length: 5 }, (_, i) => createAgent(orgId, { email: `claimer${i}-${orgId.slice(0, 8)}@example.test`, name: `Claimer ${i}`, password: "claimer-password", role: "agent" })));
    const { conversation } = await createConversation(ctx, { subject: "Race" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => claimConversation(ctx, conversation.id, { id: agents[i % 5]!.id, force: false })),
    );
    const winners = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.assignee?.id] : [])));
    expect(winners.size).toBe(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code?: string }).code).toBe("already_assigned");
  });

  it("live signals reach LISTEN on the direct connection; migrations take their advisory lock there", async () => {
    const { ctx } = await createTestOrg("Live pooled");
    const received: LiveMessage[] = [];
    const stop = await subscribeLive((m) => received.push(m));
    const { conversation } = await createConversation(ctx, { subject: "Heard through the direct connection", description: "hi" });
    await expect.poll(() => received.some((m) => m.conversationId === conversation.id), { timeout: 5_000 }).toBe(true);
    stop();
    await expect(applyMigrations()).resolves.toBeUndefined();
  });
});

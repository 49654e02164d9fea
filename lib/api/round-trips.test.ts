import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { clientOptions } from "@/db/client";
import * as schema from "@/db/schema";
import * as createMessageRoute from "@/app/api/v1/conversations/[id]/messages/create/route";
import * as listRoute from "@/app/api/v1/conversations/route";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { callRoute } from "./testing/call-route";

// The app's database for this file (its own process): a client that records every statement it sends.
let recording: string[] | null = null;
const client = postgres(process.env.DATABASE_URL!, { ...clientOptions(false), debug: (_connection, query) => recording?.push(query.replace(/\s+/g, " ").trim()) });
(globalThis as { __dexraConnection?: unknown }).__dexraConnection = { kind: "postgres", client, db: drizzle(client, { schema }) };

async function statementsOf(call: () => Promise<{ status: number }>, status: number) {
  recording = [];
  const answer = await call();
  // The key's last_used_at write runs off the request's path, so it may land in this window or the next: it is
  // left out wherever it lands (no wait for it).
  const sent = recording.filter((q) => !q.startsWith("update \"api_keys\" set \"last_used_at\""));
  recording = null;
  expect(answer.status).toBe(status);
  return sent;
}

describe("round trips of an API request", () => {
  it("a server key is looked up and counted against its rate limit in one statement, then the handler's work", async () => {
    const { ctx, serverKey, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Trips", user_email: "t@example.test", description: "Hello" });
    // Warm: the first request of a process also reads settings it then keeps.
    await callRoute(listRoute.GET, "GET", "/api/v1/conversations/", { key: serverKey });

    const list = await statementsOf(() => callRoute(listRoute.GET, "GET", "/api/v1/conversations/", { key: serverKey }), 200);
    expect(list[0]).toMatch(/^with k as \(.*insert into rate_limit_counters/);
    expect(list).toHaveLength(2);

    const create = await statementsOf(
      () => callRoute(createMessageRoute.POST, "POST", "x", { key: serverKey, params: { id: conversation.id }, body: { body: "Hi", user_email: owner.email } }),
      201,
    );
    expect(create[0]).toMatch(/^with k as \(.*insert into rate_limit_counters/);
    expect(create[1]).toBe("begin");
    expect(create.at(-1)).toBe("commit");
    expect(create.filter((q) => q.includes("rate_limit_counters"))).toHaveLength(1);
    console.log(`message create: ${create.length} statements (${create.length - 3} in its transaction)`);
  });
});

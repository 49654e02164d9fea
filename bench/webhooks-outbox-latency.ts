/**
 * How much the webhook outbox adds to a message create.
 *   DATABASE_URL=postgres://… npx tsx bench/webhooks-outbox-latency.ts [iterations]
 * For 0, 1 and 5 subscribed endpoints it times (a) the whole API message create (createMessage: one
 * transaction with the message, activity row, outbox row and its delivery rows) and (b) the outbox write on
 * its own (emitEvent inside a transaction: three round trips — the conversation's sequence bump, the event row
 * with its delivery fan-out in one statement, and the NOTIFY for live inboxes).
 * No worker runs, so nothing is delivered; the endpoints only make the fan-out insert rows.
 */
import { closeDb, db, sql } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { webhookEndpoints } from "@/db/schema";
import { createConversation } from "@/lib/conversations/create-conversation";
import { emitEvent } from "@/lib/events/record";
import { createMessage } from "@/lib/messages/create-message";
import { createTestOrg } from "@/lib/testing/test-org";

const iterations = Number(process.argv[2] ?? 500);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;
const fmt = (values: number[]) => `p50 ${percentile(values, 0.5).toFixed(2)} ms, p95 ${percentile(values, 0.95).toFixed(2)} ms`;

await applyMigrations();
// The three organizations are measured interleaved, so load on the machine hits them alike.
const setups = [];
for (const endpoints of [0, 1, 5]) {
  const { ctx } = await createTestOrg("Bench");
  for (let i = 0; i < endpoints; i++) {
    await db.insert(webhookEndpoints).values({ organizationId: ctx.orgId, url: `https://203.0.113.${i + 1}/hook`, secret: "whsec_bench" });
  }
  const { conversation } = await createConversation(ctx, { subject: "Bench", user_email: "bench@example.test" });
  setups.push({ endpoints, ctx, conversationId: conversation.id, create: [] as number[], outbox: [] as number[] });
}
const roundTrip: number[] = [];
for (let i = 0; i < iterations + 50; i++) {
  for (const setup of setups) {
    let started = performance.now();
    await createMessage(setup.ctx, setup.conversationId, { body: `Message ${i}`, user_email: "bench@example.test" });
    const createMs = performance.now() - started;
    let outboxMs = 0;
    await db.transaction(async (tx) => {
      started = performance.now();
      await emitEvent(tx, setup.ctx, "message_in", { conversation_id: setup.conversationId, message_text: `Event ${i}` }, setup.conversationId);
      outboxMs = performance.now() - started;
    });
    if (i < 50) continue; // warm-up
    setup.create.push(createMs);
    setup.outbox.push(outboxMs);
  }
  const started = performance.now();
  await db.execute(sql`select 1`);
  if (i >= 50) roundTrip.push(performance.now() - started);
}
console.log(`one database round trip (select 1), for scale: ${fmt(roundTrip)}`);
for (const s of setups) console.log(`${s.endpoints} endpoint(s): message create ${fmt(s.create)} | outbox write alone ${fmt(s.outbox)}`);
const [none, one] = setups;
console.log(
  `outbox write p50 with 1 endpoint: ${percentile(one!.outbox, 0.5).toFixed(2)} ms (target < 2 ms); ` +
    `message create p50, 1 endpoint vs none: ${(percentile(one!.create, 0.5) - percentile(none!.create, 0.5)).toFixed(2)} ms`,
);
await closeDb();

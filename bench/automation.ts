/**
 * What automation adds to a message create (issue 16: < 5 ms p50).
 *   [DATABASE_URL=postgres://…] npx tsx bench/automation.ts [iterations]   (npm run bench:automation)
 * Three organizations, measured interleaved so machine load hits them alike, each timing an inbound
 * createMessage (the API's message create: one transaction):
 *   - no rules: recordChange's index probe finds nothing, no job row;
 *   - 10 enabled message_in rules (conditions on text and tags, a few actions), no worker: the job row the event's
 *     statement writes;
 *   - the same rules with the automation worker running in this process: the rules are evaluated and their
 *     actions done after commit, so each create also competes with that work for the database and the CPU.
 */
import { benchDatabaseUrl } from "./throwaway-postgres";

benchDatabaseUrl();
const { closeDb } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { createAutomationRule } = await import("@/lib/automation/manage-rules");
const { startAutomationWorker } = await import("@/lib/automation/worker");
const { createConversation } = await import("@/lib/conversations/create-conversation");
const { createMessage } = await import("@/lib/messages/create-message");
const { createTestOrg } = await import("@/lib/testing/test-org");

const iterations = Number(process.argv[2] ?? 300);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;
const fmt = (values: number[]) => `p50 ${percentile(values, 0.5).toFixed(2)} ms, p95 ${percentile(values, 0.95).toFixed(2)} ms`;

await applyMigrations();
type Setup = { label: string; ctx: Awaited<ReturnType<typeof createTestOrg>>["ctx"]; conversationId: string; times: number[] };
const setups: Setup[] = [];
let workerOrg = "";
for (const [label, rules] of [["no rules", 0], ["10 rules, worker off", 10], ["10 rules, worker on", 10]] as const) {
  const { ctx, orgId } = await createTestOrg("Bench");
  for (let i = 0; i < rules; i++) {
    await createAutomationRule(ctx, {
      name: `Rule ${i}`,
      event: "message_in",
      // Half match (tag + priority, idempotent after the first run), half do not (text condition).
      conditions: i % 2 ? { text_contains: "never-in-the-text" } : { channels: ["api"] },
      actions: i % 2 ? [{ type: "resolve" }] : [{ type: "add_tags", tags: [`t${i}`] }, { type: "set_priority", priority: "high" }],
    });
  }
  if (label.endsWith("worker on")) workerOrg = orgId;
  const { conversation } = await createConversation(ctx, { subject: "Bench", user_email: "bench@example.test" });
  setups.push({ label, ctx, conversationId: conversation.id, times: [] });
}
const worker = startAutomationWorker({ organizationIds: [workerOrg], pollMs: 200 });

for (let i = 0; i < 20; i++) for (const s of setups) await createMessage(s.ctx, s.conversationId, { body: "warm-up", user_email: "bench@example.test" });
for (const s of setups) s.times.length = 0;
for (let i = 0; i < iterations; i++) {
  for (const s of setups) {
    const started = performance.now();
    await createMessage(s.ctx, s.conversationId, { body: `Where is my parcel? (${i})`, user_email: "bench@example.test" });
    s.times.push(performance.now() - started);
  }
}
const base = percentile(setups[0]!.times, 0.5);
for (const s of setups) {
  const added = percentile(s.times, 0.5) - base;
  console.log(`${s.label.padEnd(22)} ${fmt(s.times)}${s === setups[0] ? "" : `  (p50 added: ${added.toFixed(2)} ms)`}`);
}
const { db, sql } = await import("@/db/client");
const [{ left, runs }] = (await db.execute(sql`select
  (select count(*)::int from automation_jobs where organization_id = ${workerOrg}) as left,
  (select count(*)::int from activities where organization_id = ${workerOrg} and action = 'automation_ran') as runs`)) as unknown as [{ left: number; runs: number }];
console.log(`worker: ${runs} rule runs logged during the timing, ${left} jobs still queued at the end`);
await worker.stop();
await closeDb();

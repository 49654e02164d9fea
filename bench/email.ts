/**
 * Email throughput and latency over real SMTP on loopback.
 *   npx tsx bench/email.ts [mails] [replies]      (DATABASE_URL optional: a throwaway PostgreSQL otherwise)
 * 1) Inbound: `mails` new-conversation mails sent by 8 concurrent SMTP clients to the built-in listener; mails/s
 *    counts from the first send to the last one stored (each is acknowledged only after its transaction commits).
 * 2) Outbound: `replies` agent replies (createMessage, which queues the mail in its transaction) one at a time;
 *    each timed from the call until the catcher SMTP server has accepted the mail (worker pickup + SMTP send).
 */
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { benchDatabaseUrl, freePort } from "./throwaway-postgres";

benchDatabaseUrl();
const { closeDb, rows, sql } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { createTestOrg } = await import("@/lib/testing/test-org");
const { createVerifiedChannel } = await import("@/lib/testing/verified-channel");
const { startInboundSmtp } = await import("@/lib/channels/smtp-listener");
const { startEmailWorker } = await import("@/lib/channels/email-worker");
const { createMessage } = await import("@/lib/messages/create-message");
const { startSmtpCatcher } = await import("@/lib/testing/smtp-catcher");

const mails = Number(process.argv[2] ?? 400);
const replies = Number(process.argv[3] ?? 200);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

await applyMigrations();
const org = await createTestOrg("Email bench");
const address = `bench-${randomUUID().slice(0, 8)}@acme.test`;
await createVerifiedChannel(org.ctx, { type: "email", address, name: "Bench" });
const listener = await startInboundSmtp({ port: freePort(), host: "127.0.0.1" });

const CLIENTS = 8;
const clients = Array.from({ length: CLIENTS }, () => nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 }));
const body = "Hello,\n\nmy order has not arrived yet. Could you check the tracking number?\n\nThanks";
let next = 0;
const started = performance.now();
await Promise.all(
  clients.map(async (client) => {
    while (next < mails) {
      const i = next++;
      await client.sendMail({ from: `customer${i % 50}@customer.test`, to: address, subject: `Order ${i}`, messageId: `<bench-${i}-${randomUUID()}@customer.test>`, text: body });
    }
  }),
);
const inboundSeconds = (performance.now() - started) / 1000;
const [stored] = await rows<{ n: number }>(sql`select count(*)::int as n from conversations where organization_id = ${org.orgId}`);
console.log(`inbound: ${mails} mails through SMTP in ${inboundSeconds.toFixed(2)} s = ${(mails / inboundSeconds).toFixed(1)} mails/s (${stored!.n} conversations stored, ${CLIENTS} concurrent clients)`);
clients.forEach((c) => c.close());

const waiting = new Map<string, () => void>();
const catcher = await startSmtpCatcher(freePort(), (mail) => waiting.get(mail.parsed.text?.trim() ?? "")?.());
const worker = startEmailWorker({ smtpUrl: catcher.url, organizationIds: [org.orgId], pollMs: 1000 });
const [conversation] = await rows<{ id: string }>(sql`select id from conversations where organization_id = ${org.orgId} limit 1`);
const latencies: number[] = [];
const commits: number[] = [];
for (let i = 0; i < replies; i++) {
  const text = `Reply ${i} ${randomUUID()}`;
  const accepted = new Promise<void>((resolve) => waiting.set(text, resolve));
  const t0 = performance.now();
  await createMessage(org.ctx, conversation!.id, { body: text });
  commits.push(performance.now() - t0);
  await accepted;
  latencies.push(performance.now() - t0);
  waiting.delete(text);
}
console.log(`outbound: agent reply → accepted by the SMTP catcher, ${replies} replies one at a time: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms (of which the reply's transaction: p50 ${percentile(commits, 0.5).toFixed(1)} ms)`);

await worker.stop();
await catcher.close();
await listener.close();
await closeDb();
process.exit(0);

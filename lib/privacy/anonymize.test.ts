import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { callRoute } from "@/lib/api/testing/call-route";
import * as anonymizeConversationRoute from "@/app/api/v1/conversations/[id]/anonymize/route";
import * as createRoute from "@/app/api/v1/conversations/create/route";
import * as listRoute from "@/app/api/v1/conversations/route";
import * as anonymizeUserRoute from "@/app/api/v1/users/[id]/anonymize/route";
import * as exportRoute from "@/app/api/v1/users/[id]/export/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { listConversations } from "../conversations/list-conversations";
import { rateConversation } from "../ratings/rate-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { updateEndUser } from "../end-users/update-end-user";
import { createMessage } from "../messages/create-message";
import { insertAttachment, storeFile } from "../attachments/attachments";
import { fileStore } from "../attachments/store";
import { createTestOrg } from "../testing/test-org";
import { createConversation } from "../conversations/create-conversation";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { listWebhookDeliveries, redeliverWebhookDelivery } from "../webhooks/deliveries";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { createVerifiedChannel } from "../testing/verified-channel";
import { startWebhookWorker } from "../webhooks/worker";
import { anonymizeConversation } from "./anonymize";

/** Every text, varchar, jsonb and tsvector column of every table, searched for `needle` (a database dump, by SQL). */
async function findInDatabase(needle: string) {
  const columns = await rows<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'tsvector', 'ARRAY')`);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [found] = await rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
    );
    if (found!.n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

type AuditRow = { action: string; target_type: string; target_id: string | null; actor_name: string; data: Record<string, unknown> };

/** The organization's audit rows whose action matches one of these LIKE patterns, oldest first. */
async function auditTrail(orgId: string, patterns: string[]) {
  return rows<AuditRow>(sql`select action, target_type, target_id::text, actor_name, data from audit_logs
    where organization_id = ${orgId} and (${sql.join(patterns.map((p) => sql`action like ${p}`), sql` or `)}) order by created_at, id`);
}

/** The display name the server key's requests are audited under. */
async function serverKeyName(orgId: string) {
  const [key] = await rows<{ name: string }>(sql`select name from api_keys where organization_id = ${orgId} and kind = 'server' order by created_at limit 1`);
  return key!.name;
}

/** `pg_dump` of the whole test database (data only): where the needle appears in it, by table. */
async function findInDump(needle: string) {
  const { stdout } = await promisify(execFile)("pg_dump", ["--data-only", "--no-owner", process.env.DATABASE_URL!], { maxBuffer: 1 << 30 });
  const tables: string[] = [];
  let table = "";
  for (const line of stdout.split("\n")) {
    const copy = /^COPY (\S+)/.exec(line);
    if (copy) table = copy[1]!;
    else if (line.includes(needle)) tables.push(table);
  }
  return [...new Set(tables)];
}

/** Every stored file's bytes (local attachment store) that contain the needle. */
function findInFiles(needle: string, dir = process.env.DEXRA_ATTACHMENTS_DIR ?? path.join(process.cwd(), ".data", "attachments")): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findInFiles(needle, full);
    return fs.readFileSync(full).includes(needle) ? [full] : [];
  });
}

async function seedPersonalData(org: Awaited<ReturnType<typeof createTestOrg>>, token: string) {
  process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
  await createWebhookEndpoint(org.ctx, { url: "http://127.0.0.1:9/hook" });
  const created = await callRoute(createRoute.POST, "POST", "x", {
    key: org.serverKey,
    headers: { "idempotency-key": `create-${token.length}-${org.orgId}` },
    body: {
      subject: `Refund for ${token}subject`,
      user_email: `${token}@example.test`,
      user_first_name: `${token}first`,
      user_last_name: `${token}last`,
      description: `My card ${token}body was charged twice`,
      metadata: { order: `${token}meta` },
    },
  });
  const conversation = created.body;
  await createMessage(org.ctx, conversation.id, { body: `Reply mentioning ${token}reply`, user_email: org.owner.email });
  await createMessage(org.ctx, conversation.id, { body: `Note about ${token}note`, user_email: org.owner.email, message_type: "note" });
  await updateConversation(org.ctx, conversation.id, { subject: `Renamed ${token}renamed`, custom_attributes: { phone: `${token}phone` }, tags: ["billing"] });
  await updateEndUser(org.ctx, conversation.requester.id, { external_id: `${token}ext`, custom_attributes: { city: `${token}city` } });
  await rateConversation(org.ctx, conversation.id, { score: 2, comment: `Slow ${token}comment` });
  // A receiver that echoed the payload back: its stored answer holds the text too.
  const [delivery] = await rows<{ id: string }>(sql`select d.id from webhook_deliveries d join events e on e.id = d.event_id where e.conversation_id = ${conversation.id} limit 1`);
  await rows(sql`insert into webhook_attempts (organization_id, delivery_id, attempt, status_code, response_body) values (${org.orgId}, ${delivery!.id}, 1, 500, ${`echo ${token}body`})`);
  // A file the customer sent: its name is in a row, its bytes on disk.
  const file = await storeFile(org.orgId, { filename: `${token}passport.txt`, content: Buffer.from(`passport of ${token}file`), contentType: "text/plain" });
  await insertAttachment(db, org.orgId, file, { conversationId: conversation.id });
  // A file they uploaded from the widget and never sent: in no conversation, yet theirs (name, bytes, address).
  const unsent = await storeFile(org.orgId, { filename: `${token}unsent.txt`, content: Buffer.from(`draft of ${token}upload`), contentType: "text/plain" });
  await insertAttachment(db, org.orgId, unsent, { uploadedByEndUserId: conversation.requester.id, uploadedFromAddress: "127.0.0.77" });
  return { ...(conversation as { id: string; requester: { id: string }; created_at: string }), storageKey: file.storageKey, unsentKey: unsent.storageKey };
}

describe("GDPR anonymization", () => {
  it("anonymizes an end user and all their conversations: no trace anywhere in the database, counts and timestamps kept", async () => {
    const org = await createTestOrg();
    const token = `qz${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const conversation = await seedPersonalData(org, token);
    const second = await callRoute(createRoute.POST, "POST", "x", { key: org.serverKey, body: { subject: `Second ${token}two`, user_email: `${token}@example.test` } });
    const keyName = await serverKeyName(org.orgId);
    expect((await findInDatabase(token)).length).toBeGreaterThan(8);
    expect(await findInDump(token)).toEqual(expect.arrayContaining(["public.conversations", "public.messages", "public.end_users", "public.events"]));
    expect(findInFiles(`${token}file`)).toHaveLength(1);
    const [before] = await rows<{ messages: number; activities: number; events: number; created: string }>(sql`select
      (select count(*)::int from messages where organization_id = ${org.orgId}) as messages,
      (select count(*)::int from activities where organization_id = ${org.orgId}) as activities,
      (select count(*)::int from events where organization_id = ${org.orgId}) as events,
      (select string_agg(created_at::text, ',' order by id) from messages where organization_id = ${org.orgId}) as created`);

    // The access request before the erasure: its document holds the data, its audit row only ids.
    const accessed = await callRoute(exportRoute.GET, "GET", "x", { key: org.serverKey, params: { id: conversation.requester.id } });
    const document = JSON.stringify(accessed.body);
    const missing = ["renamed", "two", "body", "reply", "note", "phone", "comment", "meta", "first", "last", "ext", "city", "passport", "@example.test"].filter((part) => !document.includes(`${token}${part}`));
    expect(missing, "parts of the person's data missing from their export").toEqual([]);
    const refused = await callRoute(anonymizeUserRoute.POST, "POST", "x", { key: org.serverKey, params: { id: conversation.requester.id }, body: {} });
    expect(refused.status).toBe(409);
    expect(await findInDatabase(token)).not.toEqual([]);
    const done = await callRoute(anonymizeUserRoute.POST, "POST", "x", { key: org.serverKey, params: { id: conversation.requester.id }, body: { force: true } });
    expect(done.status).toBe(202);
    expect(done.body).toEqual({ status: "done" });

    expect(await findInDatabase(token)).toEqual([]);
    expect(await findInDump(token)).toEqual([]);
    expect(await fileStore().get(conversation.storageKey)).toBeNull();
    expect(await fileStore().get(conversation.unsentKey)).toBeNull();
    expect(await rows(sql`select 1 from attachments where organization_id = ${org.orgId} and uploaded_from_address is not null`)).toEqual([]);
    expect(findInFiles(token)).toEqual([]);
    const [after] = await rows<{ messages: number; activities: number; events: number; created: string }>(sql`select
      (select count(*)::int from messages where organization_id = ${org.orgId}) as messages,
      (select count(*)::int from activities where organization_id = ${org.orgId}) as activities,
      (select count(*)::int from events where organization_id = ${org.orgId}) as events,
      (select string_agg(created_at::text, ',' order by id) from messages where organization_id = ${org.orgId}) as created`);
    expect(after!.messages).toBe(before!.messages);
    expect(after!.created).toBe(before!.created);
    expect(after!.activities).toBeGreaterThan(before!.activities); // + the forced closes
    expect(after!.events).toBeGreaterThan(before!.events); // + closes, conversation_anonymized ×2, user_anonymized
    // The audit log names the act, its target and the key that did it (the refused attempt wrote nothing).
    expect(await auditTrail(org.orgId, ["end_user.%"])).toEqual([
      { action: "end_user.exported", target_type: "end_user", target_id: conversation.requester.id, actor_name: keyName, data: { conversations: 2, sandbox: false } },
      { action: "end_user.anonymized", target_type: "end_user", target_id: conversation.requester.id, actor_name: keyName, data: { conversations: 2, closed_first: 2, sandbox: false } },
    ]);

    // What the API shows: search, the conversation, the export, the events feed, an idempotent replay.
    expect((await listConversations(org.ctx, { q: `${token}body` })).count).toBe(0);
    const listed = await callRoute(listRoute.GET, "GET", "/api/v1/conversations/", { key: org.serverKey });
    expect(listed.body.results.map((c: { subject: string; status: string; created_at: string }) => [c.subject, c.status])).toEqual([
      ["[anonymized]", "closed"],
      ["[anonymized]", "closed"],
    ]);
    expect(listed.body.results[1].created_at).toBe(conversation.created_at);
    const exported = await callRoute(exportRoute.GET, "GET", "x", { key: org.serverKey, params: { id: conversation.requester.id } });
    expect(exported.body.user).toMatchObject({ email: null, external_id: null, first_name: "[anonymized]", custom_attributes: { city: "[anonymized]" } });
    expect(exported.body.conversations).toHaveLength(2);
    expect((await auditTrail(org.orgId, ["end_user.exported"])).length).toBe(2);
    expect(exported.body.conversations[0].messages.map((m: { body: string }) => m.body)).toEqual(["[anonymized]", "[anonymized]", "[anonymized]"]);
    expect(JSON.stringify(exported.body)).not.toContain(token);
    const feed = await callRoute(eventsRoute.GET, "GET", "/api/v1/events/?limit=100", { key: org.serverKey });
    expect(JSON.stringify(feed.body)).not.toContain(token);
    expect(feed.body.results.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["user_anonymized", "conversation_anonymized"]));
    const replay = await callRoute(createRoute.POST, "POST", "x", {
      key: org.serverKey,
      headers: { "idempotency-key": `create-${token.length}-${org.orgId}` },
      body: {
        subject: `Refund for ${token}subject`, user_email: `${token}@example.test`, user_first_name: `${token}first`, user_last_name: `${token}last`,
        description: `My card ${token}body was charged twice`, metadata: { order: `${token}meta` },
      },
    });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(JSON.stringify(replay.body)).not.toContain(token);
    expect(second.status).toBe(201);
  });

  it("anonymizes one conversation; the requester and their other conversations stay", async () => {
    const org = await createTestOrg();
    const token = `qy${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const conversation = await seedPersonalData(org, token);
    const other = await callRoute(createRoute.POST, "POST", "x", { key: org.serverKey, body: { subject: `Keep ${token}keep`, user_email: `${token}@example.test` } });
    const params = { id: conversation.id };
    expect((await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.serverKey, params, body: {} })).status).toBe(409);
    expect((await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.serverKey, params, body: { force: "yes" } })).status).toBe(400);
    const done = await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.serverKey, params, body: { force: true } });
    expect(done.status).toBe(202);
    expect(await auditTrail(org.orgId, ["conversation.%"])).toEqual([
      { action: "conversation.anonymized", target_type: "conversation", target_id: conversation.id, actor_name: await serverKeyName(org.orgId), data: { closed_first: 1, sandbox: false } },
    ]);
    for (const part of ["subject", "body", "reply", "note", "renamed", "phone", "comment", "meta"]) expect(await findInDatabase(`${token}${part}`)).toEqual([]);
    // The profile and the other conversation are untouched.
    expect(await findInDatabase(`${token}keep`)).toContain("conversations.subject");
    expect(await findInDatabase(`${token}ext`)).toContain("end_users.external_id");
    expect(other.status).toBe(201);
    expect((await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.serverKey, params, body: {} })).status).toBe(202); // already closed: idempotent
    expect((await auditTrail(org.orgId, ["conversation.%"])).map((a) => a.data)).toEqual([{ closed_first: 1, sandbox: false }, { closed_first: 0, sandbox: false }]);
    expect((await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.clientKey, params, body: {} })).status).toBe(403);
  });

  it("an email reply not yet sent stops as failed: nobody is left to mail it to", async () => {
    const org = await createTestOrg();
    await createVerifiedChannel(org.ctx, { type: "email", address: `support-${randomUUID().slice(0, 8)}@acme.test`, name: "Support" });
    const created = await callRoute(createRoute.POST, "POST", "x", { key: org.serverKey, body: { subject: "By mail", user_email: "mailme@example.test", channel: "email" } });
    await createMessage(org.ctx, created.body.id, { body: "Queued answer", user_email: org.owner.email });
    const queued = () => rows<{ delivery_status: string; next_attempt_at: string | null }>(sql`select delivery_status, next_attempt_at::text from email_messages where conversation_id = ${created.body.id}`);
    expect((await queued())[0]).toMatchObject({ delivery_status: "queued" });
    expect((await callRoute(anonymizeConversationRoute.POST, "POST", "x", { key: org.serverKey, params: { id: created.body.id }, body: { force: true } })).status).toBe(202);
    expect(await queued()).toEqual([{ delivery_status: "failed", next_attempt_at: null }]);
    // The mail's copies of the address (recipients, headers) are gone; only the profile, which stays, has it.
    expect(await findInDatabase("mailme@example.test")).toEqual(["end_users.email"]);
  });
});

describe("GDPR anonymization and webhooks", () => {
  let receiver: WebhookReceiver | undefined;
  let worker: ReturnType<typeof startWebhookWorker> | undefined;
  afterEach(async () => {
    await worker?.stop();
    await receiver?.close();
  });

  it("a redelivery after anonymization sends the anonymized event, with the same webhook-id", async () => {
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    const org = await createTestOrg();
    const token = `qw${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    receiver = await startWebhookReceiver();
    const endpoint = await createWebhookEndpoint(org.ctx, { url: receiver.url, events: ["conversation_created"] });
    receiver.trust(endpoint.secret);
    worker = startWebhookWorker({ organizationIds: [org.orgId], pollMs: 50 });
    const { conversation } = await createConversation(org.ctx, { subject: `About ${token}`, user_email: `${token}@example.test` });
    await eventually(() => expect(receiver!.received).toHaveLength(1));
    expect(JSON.stringify(receiver.received[0]!.body)).toContain(token);

    await anonymizeConversation(org.ctx, conversation.id, { force: true });
    const [delivery] = (await listWebhookDeliveries(org.ctx, endpoint.id)).results;
    await redeliverWebhookDelivery(org.ctx, endpoint.id, delivery!.id);
    await eventually(() => expect(receiver!.received).toHaveLength(2));
    const again = receiver.received[1]!;
    expect(again.id).toBe(receiver.received[0]!.id);
    expect(again.verifiedWith).toHaveLength(1);
    expect(JSON.stringify(again.body)).not.toContain(token);
    expect((again.body.data.conversation as { subject: string }).subject).toBe("[anonymized]");
  });
});

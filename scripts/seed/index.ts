/** Demo data: `npm run db:seed`. Safe to run twice: a second run only prints the demo credentials again. */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { createAgent } from "@/lib/agents/create-agent";
import { createOrganization } from "@/lib/organizations/create-organization";
import { markSlaBreaches } from "@/lib/sla/mark-breaches";
import { closeDb, dataDir, db } from "../../db/client";
import { applyMigrations } from "../../db/migrate";
import * as s from "../../db/schema/index";
import { FIRST_NAMES, LAST_NAMES, TAG_COLORS, THREADS } from "./content";
import { seedReportHistory } from "./report-history";

export const DEMO_LOGIN = { email: "sarah@example.com", password: "dexra-demo" };
// Where the demo keys are kept, for a second run to print them again: the embedded database's in .data/; another
// database's only where DEXRA_DEMO_KEYS_FILE says (the test suite's), never over the embedded one's.
const keysFile = process.env.DEXRA_DEMO_KEYS_FILE || (process.env.DATABASE_URL ? null : path.join(dataDir, "demo-keys.json"));

// Deterministic pseudo-random numbers so every demo database looks the same.
let state = 42;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

const STATUSES = [...Array(9).fill("open"), ...Array(3).fill("pending"), "snoozed", ...Array(4).fill("resolved"), ...Array(3).fill("closed")] as const;
const PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"] as const;
const CHANNELS = ["web", "email", "api", "web", "email"] as const;
const nineToFive = [{ open: "09:00", close: "17:00" }];
const DEMO_HOURS = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] };

async function seed() {
  const created = await createOrganization({ name: "Acme Support", ownerEmail: DEMO_LOGIN.email, ownerPassword: DEMO_LOGIN.password, ownerName: "Sarah Connor" });
  const orgId = created.organization.id;
  const sam = await createAgent(orgId, { email: "sam@example.com", password: DEMO_LOGIN.password, name: "Sam Rivera", role: "admin" });
  const alex = await createAgent(orgId, { email: "alex@example.com", password: DEMO_LOGIN.password, name: "Alex Kim", role: "agent" });
  const agentList = [created.owner, sam, alex];

  const [support, billing] = await db.insert(s.teams).values([{ organizationId: orgId, name: "Support" }, { organizationId: orgId, name: "Billing" }]).returning();
  await db.insert(s.teamMembers).values([
    { organizationId: orgId, teamId: support!.id, agentId: created.owner.id },
    { organizationId: orgId, teamId: support!.id, agentId: alex.id },
    { organizationId: orgId, teamId: billing!.id, agentId: sam.id },
  ]);
  const tagRows = await db.insert(s.tags).values(Object.entries(TAG_COLORS).map(([name, color]) => ({ organizationId: orgId, name, color }))).returning();
  const tagId = new Map(tagRows.map((t) => [t.name, t.id]));

  await db.insert(s.customAttributeDefinitions).values([
    { organizationId: orgId, entity: "end_user", key: "plan", label: "Plan", type: "select", options: ["free", "pro", "enterprise"] },
    { organizationId: orgId, entity: "end_user", key: "ltv", label: "Lifetime value", type: "number" },
    { organizationId: orgId, entity: "conversation", key: "order_id", label: "Order ID", type: "text" },
  ]);
  await db.insert(s.cannedReplies).values([
    { organizationId: orgId, title: "Greeting", shortcut: "hi", body: "Hi {{requester.first_name}},\n\nThanks for reaching out! " },
    { organizationId: orgId, title: "Closing", shortcut: "bye", body: "Glad I could help. Have a great day!\n\n— {{agent.name}}" },
  ]);

  // The demo's email channel: `npm run demo` points its SMTP at a local mail catcher.
  // Seeded as verified: the demo owns this address (its mail catcher and inbound listener stand in for the mailbox).
  await db
    .insert(s.channels)
    .values({ organizationId: orgId, type: "email", address: "support@acme.test", name: "Acme Support", status: "verified", verifiedAt: new Date() })
    .onConflictDoNothing();

  const users = await db
    .insert(s.endUsers)
    .values(
      Array.from({ length: 40 }, (_, i) => {
        const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
        const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
        return {
          organizationId: orgId,
          email: `${first}.${last}${i}@customer.example`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
          firstName: first,
          lastName: last,
          externalId: `cust_${1000 + i}`,
          customAttributes: { plan: pick(["free", "pro", "enterprise"]), ltv: Math.round(rand() * 5000) },
        };
      }),
    )
    .returning();

  const now = Date.now();
  const conversationValues = [];
  const threadOf: (typeof THREADS)[number][] = [];
  for (let n = 1; n <= 200; n++) {
    const thread = pick(THREADS);
    const status = pick(STATUSES);
    const createdAt = new Date(now - (201 - n) * 3.5 * 3600_000 - Math.floor(rand() * 3600_000));
    const assignee = status === "open" && rand() < 0.4 ? null : pick(agentList);
    threadOf.push(thread);
    conversationValues.push({
      organizationId: orgId,
      number: n,
      subject: thread.subject.replace("{n}", String(10_000 + n * 13)),
      status,
      priority: pick(PRIORITIES),
      channel: pick(CHANNELS),
      requesterId: pick(users).id,
      assigneeId: assignee?.id ?? null,
      teamId: thread.tags.includes("billing") ? billing!.id : rand() < 0.5 ? support!.id : null,
      snoozedUntil: status === "snoozed" ? new Date(now + 2 * 86_400_000) : null,
      resolvedAt: status === "resolved" || status === "closed" ? new Date(createdAt.getTime() + 5 * 3600_000) : null,
      createdAt,
      updatedAt: createdAt,
      lastMessageAt: createdAt,
    });
  }
  const conversationRows = await db.insert(s.conversations).values(conversationValues).returning();
  await db.update(s.organizations).set({ lastConversationNumber: 200 }).where(eq(s.organizations.id, orgId));

  const messageValues: (typeof s.messages.$inferInsert)[] = [];
  const activityValues: (typeof s.activities.$inferInsert)[] = [];
  const tagValues: (typeof s.conversationTags.$inferInsert)[] = [];
  conversationRows.forEach((c, i) => {
    const thread = threadOf[i]!;
    const requester = users.find((u) => u.id === c.requesterId)!;
    const agent = agentList.find((a) => a.id === c.assigneeId) ?? pick(agentList);
    const at = (minutes: number) => new Date(c.createdAt.getTime() + minutes * 60_000);
    const inbound = (body: string, minutes: number) =>
      messageValues.push({ organizationId: orgId, conversationId: c.id, direction: "inbound", type: "reply", body, authorEndUserId: requester.id, senderEmail: requester.email, createdAt: at(minutes) });
    const outbound = (body: string, minutes: number, type: "reply" | "note" = "reply") =>
      messageValues.push({ organizationId: orgId, conversationId: c.id, direction: "outbound", type, body, authorAgentId: agent.id, senderEmail: agent.email, createdAt: at(minutes) });
    const log = (action: string, minutes: number, data: Record<string, unknown> = {}, actor = agent) =>
      activityValues.push({ organizationId: orgId, conversationId: c.id, actorType: "agent", actorId: actor.id, actorName: actor.name, action, data, createdAt: at(minutes) });

    activityValues.push({ organizationId: orgId, conversationId: c.id, actorType: "end_user", actorId: requester.id, actorName: requester.firstName, action: "created", data: { channel: c.channel }, createdAt: at(0) });
    inbound(thread.opener.replace("{n}", String(c.number)), 0);
    if (c.assigneeId) log("claimed", 12, { assignee_id: c.assigneeId });
    if (c.status !== "open" || rand() < 0.5) outbound(thread.reply, 45);
    if (thread.note && rand() < 0.6) outbound(thread.note, 50, "note");
    if (thread.followUp && c.status !== "pending") inbound(thread.followUp, 180);
    if (c.status !== "open") log("status_changed", 200, { from: "open", to: c.status });
    for (const name of thread.tags) tagValues.push({ organizationId: orgId, conversationId: c.id, tagId: tagId.get(name)! });
    if (requester.customAttributes.plan === "enterprise" && !thread.tags.includes("vip")) tagValues.push({ organizationId: orgId, conversationId: c.id, tagId: tagId.get("vip")! });
  });
  await db.insert(s.messages).values(messageValues);
  await db.insert(s.activities).values(activityValues);
  await db.insert(s.conversationTags).values(tagValues);
  // Denormalized list fields follow from the inserted threads.
  await db.execute(sql`
    update conversations c set last_message_at = m.created_at, updated_at = m.created_at, last_message_preview = left(m.body, 140)
    from (select distinct on (conversation_id) conversation_id, created_at, body from messages
          where organization_id = ${orgId} and type = 'reply' order by conversation_id, created_at desc) m
    where c.id = m.conversation_id`);

  // Reports: business hours and ninety days of closed history, then every conversation's reporting facts.
  await db.update(s.organizations).set({ businessHours: DEMO_HOURS, holidays: [] }).where(eq(s.organizations.id, orgId));
  const history = await seedReportHistory({ orgId, agents: agentList, teams: [support!, billing!], users, rand, firstNumber: 201 });
  await db.update(s.organizations).set({ lastConversationNumber: history.lastNumber }).where(eq(s.organizations.id, orgId));
  // An SLA policy, its due times on open conversations, and the history's first replies that missed it, recorded
  // as the breach job records them (an sla_breached activity), so the backfill turns them into breach facts.
  const [policy] = await db.insert(s.slaPolicies).values({ organizationId: orgId, name: "First response within 4 business hours", firstResponseSeconds: 4 * 3600, resolutionSeconds: 5 * 86_400 }).returning();
  await db.execute(sql`update conversations set sla_policy_id = ${policy!.id} where organization_id = ${orgId} and number > 200`);
  await db.execute(sql`select dexra_sla_refresh(id) from conversations where organization_id = ${orgId} and status in ('open', 'pending')`);
  await db.execute(sql`
    insert into activities (organization_id, conversation_id, actor_type, actor_name, action, data, created_at)
    select c.organization_id, c.id, 'system', 'Dexra', 'sla_breached',
      jsonb_build_object('conversation_id', c.id, 'target', 'first_response', 'due_at', to_json(d.due)#>>'{}'), d.due
    from conversations c join organizations o on o.id = c.organization_id
    cross join lateral (select min(m.created_at) as at from messages m where m.conversation_id = c.id and m.direction = 'outbound' and m.type = 'reply') r
    cross join lateral (select dexra_business_add(c.created_at, 4 * 3600, o.business_hours, o.holidays, o.time_zone) as due) d
    where c.organization_id = ${orgId} and c.number > 200 and r.at > d.due`);
  await db.execute(sql`select dexra_report_backfill(${orgId})`);
  // Targets already passed on the open demo conversations are recorded now, by the breach job itself.
  while ((await markSlaBreaches(new Date(), { organizationIds: [orgId] })) > 0);

  const keys = { server_key: created.serverKey, client_key: created.clientKey, test_server_key: created.testServerKey, test_client_key: created.testClientKey, identity_secret: created.identitySecret, organization_id: orgId };
  if (keysFile) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(keysFile, JSON.stringify(keys, null, 2), { mode: 0o600 });
  }
  return { keys, counts: { agents: agentList.length, endUsers: users.length, conversations: conversationRows.length, messages: messageValues.length } };
}

async function main() {
  await applyMigrations();
  const [existing] = await db.select({ orgId: s.agents.organizationId }).from(s.agents).where(eq(s.agents.email, DEMO_LOGIN.email)).limit(1);
  let keys: Record<string, string> | null = null;
  if (existing) {
    const kept = keysFile && fs.existsSync(keysFile) ? (JSON.parse(fs.readFileSync(keysFile, "utf8")) as Record<string, string>) : null;
    keys = kept?.organization_id === existing.orgId ? kept : null;
    console.log("Demo data already present.");
  } else {
    const result = await seed();
    keys = result.keys;
    console.log(`Seeded demo organization: ${JSON.stringify(result.counts)}`);
  }
  console.log(`\n  Demo login:   ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}  (also sam@example.com, alex@example.com)`);
  if (keys) {
    console.log(`  Server key:   ${keys.server_key}`);
    console.log(`  Client key:   ${keys.client_key}`);
    console.log(`  Identity secret (for client-key user_hash): ${keys.identity_secret}`);
    console.log(keysFile ? `  (kept in ${keysFile})\n` : "");
  } else {
    console.log("  This database's demo API keys are not on record here; create new ones with `npm run -s dexra -- create-key`.\n");
  }
}

await main();
await closeDb();

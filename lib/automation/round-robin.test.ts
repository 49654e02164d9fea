import { and, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agents, conversations } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { createConversation } from "../conversations/create-conversation";
import { resolveConversation } from "../conversations/resolve-conversation";
import { createTeam, setTeamMembers } from "../teams/manage-teams";
import { eventually } from "../testing/webhook-receiver";
import { createTestOrg } from "../testing/test-org";
import { createAutomationRule } from "./manage-rules";
import { automationRuns, drainAutomationJobs, jobsOf } from "./testing";
import { startAutomationWorker } from "./worker";

type Org = Awaited<ReturnType<typeof createTestOrg>>;
const addAgent = (org: Org, name: string, availability: "online" | "away" | "offline" = "online") =>
  createAgent(org.orgId, { email: `${name.toLowerCase()}-${org.orgId.slice(0, 8)}@example.test`, password: "password-123", role: "agent", name }).then(async (a) => {
    await db.update(agents).set({ availability }).where(eq(agents.id, a.id));
    return a;
  });

/** Conversations per assignee name (null: unassigned). */
async function spread(org: Org) {
  const rows = await db
    .select({ name: agents.name })
    .from(conversations)
    .leftJoin(agents, eq(agents.id, conversations.assigneeId))
    .where(eq(conversations.organizationId, org.orgId));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.name ?? "unassigned"] = (counts[r.name ?? "unassigned"] ?? 0) + 1;
  return counts;
}

const createMany = async (org: Org, n: number) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await createConversation(org.ctx, { subject: `Question ${i}`, user_email: `c${i}@example.test` })).conversation.id);
  return ids;
};

let worker: ReturnType<typeof startAutomationWorker> | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe("round-robin", () => {
  it("spreads 100 conversations evenly over a team's online agents, with concurrent workers, skipping away and offline", async () => {
    const org = await createTestOrg();
    const [ann, bob, cyd, dee, eve] = [await addAgent(org, "Ann"), await addAgent(org, "Bob"), await addAgent(org, "Cyd"), await addAgent(org, "Dee", "away"), await addAgent(org, "Eve", "offline")];
    const team = await createTeam(org.ctx, { name: "Support" });
    await setTeamMembers(org.ctx, { id: team.id, agentIds: [ann!.id, bob!.id, cyd!.id, dee!.id, eve!.id] });
    await createAutomationRule(org.ctx, { name: "Rotate", event: "conversation_created", actions: [{ type: "round_robin", team_id: team.id, max_open: 1000 }] });
    await createMany(org, 100);
    // Two workers with five jobs each in flight: the per-scope lock keeps the rotation exact.
    worker = startAutomationWorker({ organizationIds: [org.orgId], pollMs: 50, concurrency: 5 });
    const second = startAutomationWorker({ organizationIds: [org.orgId], pollMs: 50, concurrency: 5 });
    try {
      await eventually(async () => expect(await jobsOf(org.orgId)).toHaveLength(0), 60_000);
    } finally {
      await second.stop();
    }
    const counts = await spread(org);
    expect(Object.keys(counts).sort()).toEqual(["Ann", "Bob", "Cyd"]);
    expect(Object.values(counts).sort()).toEqual([33, 33, 34]);
  }, 120_000);

  it("caps open conversations per agent across the organization; resolving frees a slot; availability is read at assignment time", async () => {
    const org = await createTestOrg();
    await db.update(agents).set({ availability: "offline" }).where(eq(agents.id, org.owner.id));
    const ann = await addAgent(org, "Ann");
    const bob = await addAgent(org, "Bob");
    await createAutomationRule(org.ctx, { name: "Rotate all", event: "conversation_created", actions: [{ type: "round_robin", max_open: 20 }] });
    const ids = await createMany(org, 50);
    await drainAutomationJobs(org.orgId);
    expect(await spread(org)).toEqual({ Ann: 20, Bob: 20, unassigned: 10 });
    const [last] = await automationRuns(org.orgId, ids[49]!);
    expect(last!.data).toMatchObject({ actions: ["found no available agent (everyone offline, away or at 20 open conversations)"] });

    const [annsFirst] = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.organizationId, org.orgId), eq(conversations.assigneeId, ann.id))).limit(1);
    await resolveConversation(org.ctx, annsFirst!.id);
    const [next] = await createMany(org, 1);
    await drainAutomationJobs(org.orgId);
    const [assigned] = await db.select({ assigneeId: conversations.assigneeId }).from(conversations).where(eq(conversations.id, next!));
    expect(assigned!.assigneeId).toBe(ann.id);

    // Bob goes away and Ann's cap rises: new conversations go to Ann only.
    await db.update(agents).set({ availability: "away" }).where(eq(agents.id, bob.id));
    await db.execute(`update automation_rules set actions = '[{"type":"round_robin","team_id":null,"max_open":25}]' where organization_id = '${org.orgId}'`);
    const more = await createMany(org, 3);
    await drainAutomationJobs(org.orgId);
    const got = await db.select({ assigneeId: conversations.assigneeId }).from(conversations).where(inArray(conversations.id, more));
    expect(got.map((g) => g.assigneeId)).toEqual([ann.id, ann.id, ann.id]);
  }, 120_000);
});

import { describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import { loadAgentSession } from "../auth/agent-session";
import { createConversation } from "../conversations/create-conversation";
import { listActivity } from "../conversations/list-activity";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";
import { runConversationAction } from "./run-action";
import { runBulkAction } from "./run-bulk-action";

async function twoAgents() {
  const org = await createTestOrg();
  const other = await createAgent(org.orgId, { email: `sam-${org.orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, name: "Sam", role: "agent" });
  const a = (await loadAgentSession(org.owner.id, 0, false))!;
  const b = (await loadAgentSession(other.id, 0, false))!;
  return { ...org, a, b };
}

describe("runConversationAction", () => {
  it("claims through the API's function, and a later claim by someone else is refused with who has it", async () => {
    const { ctx, a, b } = await twoAgents();
    const { conversation } = await createConversation(ctx, { subject: "Race" });
    await expect(runConversationAction(a, conversation.id, { action: "claim" })).resolves.toMatchObject({ assignee: { id: a.agent.id } });
    await expect(runConversationAction(b, conversation.id, { action: "claim" })).rejects.toMatchObject({ status: 409, message: "Already assigned to Olive Owner" });
    const log = await listActivity(ctx, conversation.id);
    expect(log.results.filter((x) => x.action === "claimed")).toHaveLength(1);
  });

  it("rejects unknown actions and fields as validation errors", async () => {
    const { ctx, a } = await twoAgents();
    const { conversation } = await createConversation(ctx, { subject: "Bad input" });
    await expect(runConversationAction(a, conversation.id, { action: "explode" })).rejects.toThrow();
    await expect(runConversationAction(a, conversation.id, { action: "resolve", status: "open" })).rejects.toThrow();
  });
});

describe("runBulkAction", () => {
  it("resolves several conversations and reports the ones it could not change", async () => {
    const { ctx, a, b } = await twoAgents();
    const one = (await createConversation(ctx, { subject: "One" })).conversation;
    const two = (await createConversation(ctx, { subject: "Two" })).conversation;
    await runConversationAction(b, two.id, { action: "claim" });
    const resolved = await runBulkAction(a, { ids: [one.id, two.id], change: { action: "resolve" } });
    expect(resolved).toEqual({ succeeded: 2, failed: [] });
    const third = (await createConversation(ctx, { subject: "Three" })).conversation;
    const claimed = await runBulkAction(a, { ids: [third.id, two.id], change: { action: "claim" } });
    expect(claimed.succeeded).toBe(1);
    expect(claimed.failed).toEqual([{ id: two.id, message: "Already assigned to Sam" }]);
  });
});

describe("take over and the newer bulk actions", () => {
  it("takes over someone else's conversation only when asked to (force)", async () => {
    const { ctx, a, b } = await twoAgents();
    const { conversation } = await createConversation(ctx, { subject: "Hand-over" });
    await runConversationAction(a, conversation.id, { action: "claim" });
    await expect(runConversationAction(b, conversation.id, { action: "claim", force: true })).resolves.toMatchObject({ assignee: { id: b.agent.id } });
  });

  it("sets priority, team, snooze and pending on many conversations at once", async () => {
    const { ctx, a } = await twoAgents();
    const ids = [];
    for (const subject of ["A", "B"]) ids.push((await createConversation(ctx, { subject })).conversation.id);
    expect(await runBulkAction(a, { ids, change: { action: "set_priority", priority: "urgent" } })).toEqual({ succeeded: 2, failed: [] });
    expect(await runBulkAction(a, { ids, change: { action: "set_pending" } })).toEqual({ succeeded: 2, failed: [] });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect(await runBulkAction(a, { ids, change: { action: "snooze", until } })).toEqual({ succeeded: 2, failed: [] });
    expect(await runBulkAction(a, { ids, change: { action: "set_team", team_id: null } })).toEqual({ succeeded: 2, failed: [] });
    const log = await listActivity(ctx, ids[0]!);
    expect(log.results.map((x) => x.action)).toEqual(expect.arrayContaining(["priority_changed", "status_changed", "snoozed"]));
    await expect(runBulkAction(a, { ids, change: { action: "merge", into: ids[1] } })).rejects.toThrow();
  });
});

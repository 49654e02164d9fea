import { describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import { createCannedReply } from "../canned-replies/manage-canned-replies";
import type { Ctx } from "../context";
import { createConversation } from "../conversations/create-conversation";
import { getConversation } from "../conversations/scope";
import { createTeam } from "../teams/manage-teams";
import { createTestOrg } from "../testing/test-org";
import {
  createAutomationRule,
  deleteAutomationRule,
  listAutomationRules,
  reorderAutomationRules,
  setAutomationRuleEnabled,
  updateAutomationRule,
} from "./manage-rules";
import { drainAutomationJobs, jobsOf } from "./testing";

const tagRule = (name: string, tag: string) => ({ name, event: "conversation_created" as const, actions: [{ type: "add_tags" as const, tags: [tag] }] });

describe("automation rules (Settings → Automation)", () => {
  it("create, edit, disable, reorder and delete; positions follow creation", async () => {
    const { ctx } = await createTestOrg();
    const a = await createAutomationRule(ctx, tagRule("A", "a"));
    const b = await createAutomationRule(ctx, tagRule("B", "b"));
    const c = await createAutomationRule(ctx, tagRule("C", "c"));
    expect((await listAutomationRules(ctx)).map((r) => [r.name, r.position])).toEqual([["A", 0], ["B", 1], ["C", 2]]);
    await updateAutomationRule(ctx, { id: b.id, ...tagRule("B2", "b2"), conditions: { priorities: ["urgent"] } });
    await setAutomationRuleEnabled(ctx, { id: c.id, enabled: false });
    await reorderAutomationRules(ctx, { ids: [c.id, a.id, b.id] });
    const listed = await listAutomationRules(ctx);
    expect(listed.map((r) => [r.name, r.enabled])).toEqual([["C", false], ["A", true], ["B2", true]]);
    expect(listed[2]!.conditions).toEqual({ priorities: ["urgent"] });
    await deleteAutomationRule(ctx, { id: a.id });
    expect((await listAutomationRules(ctx)).map((r) => r.name)).toEqual(["C", "B2"]);
  });

  it("bad input is a validation error naming the field", async () => {
    const { ctx } = await createTestOrg();
    await expect(createAutomationRule(ctx, { name: "", event: "conversation_created", actions: [{ type: "resolve" }] })).rejects.toMatchObject({ code: "validation_error", details: [{ path: ["name"] }] });
    await expect(createAutomationRule(ctx, { name: "x", event: "conversation_created", actions: [{ type: "set_priority", priority: "asap" }] })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("a rule may only send shared canned replies", async () => {
    const { ctx } = await createTestOrg();
    const personal = await createCannedReply(ctx, { title: "Mine", shortcut: "mine", body: "Hi", shared: false });
    await expect(createAutomationRule(ctx, { name: "x", event: "conversation_created", actions: [{ type: "send_canned_reply", canned_reply_id: personal.id }] }))
      .rejects.toMatchObject({ code: "validation_error", details: [{ path: ["actions", "0"] }] });
  });

  it("agents cannot manage rules", async () => {
    const org = await createTestOrg();
    const agent = await createAgent(org.orgId, { email: `plain-${org.orgId.slice(0, 8)}@example.test`, password: "password-123", role: "agent" });
    const agentCtx: Ctx = { orgId: org.orgId, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role: "agent" } };
    await expect(listAutomationRules(agentCtx)).rejects.toMatchObject({ code: "not_found" });
    await expect(createAutomationRule(agentCtx, tagRule("A", "a"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("isolation: another organization's rules are invisible, unchangeable, never run on its conversations, and cannot name its teams", async () => {
    const one = await createTestOrg();
    const two = await createTestOrg();
    const rule = await createAutomationRule(one.ctx, tagRule("Mine", "one"));
    expect(await listAutomationRules(two.ctx)).toEqual([]);
    await expect(updateAutomationRule(two.ctx, { id: rule.id, ...tagRule("Hijack", "x") })).rejects.toMatchObject({ code: "not_found" });
    await expect(setAutomationRuleEnabled(two.ctx, { id: rule.id, enabled: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteAutomationRule(two.ctx, { id: rule.id })).rejects.toMatchObject({ code: "not_found" });
    await reorderAutomationRules(two.ctx, { ids: [rule.id] });
    expect((await listAutomationRules(one.ctx))[0]).toMatchObject({ name: "Mine", enabled: true, position: 0 });

    const theirs = await createConversation(two.ctx, { subject: "Other org", user_email: "b@example.test" });
    expect(await jobsOf(two.orgId)).toHaveLength(0);
    await drainAutomationJobs(two.orgId);
    expect((await getConversation(two.ctx, theirs.conversation.id)).tags).toEqual([]);

    const team = await createTeam(one.ctx, { name: "One's team" });
    await expect(createAutomationRule(two.ctx, { name: "Steal", event: "conversation_created", actions: [{ type: "assign_team", team_id: team.id }] }))
      .rejects.toMatchObject({ code: "validation_error" });
  });
});

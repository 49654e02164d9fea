import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { messages } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { createCannedReply } from "../canned-replies/manage-canned-replies";
import { createConversation } from "../conversations/create-conversation";
import { getConversation } from "../conversations/scope";
import { deleteTeam, createTeam } from "../teams/manage-teams";
import { createTestOrg } from "../testing/test-org";
import { createAutomationRule } from "./manage-rules";
import type { Action } from "./schemas";
import { automationRuns, drainAutomationJobs, jobsOf } from "./testing";

/** An organization with one rule on conversation_created doing `actions`, and a conversation that triggered it. */
async function runRule(actions: (org: Awaited<ReturnType<typeof createTestOrg>>) => Promise<Action[]> | Action[], subject = "Where is my parcel?") {
  const org = await createTestOrg();
  const rule = await createAutomationRule(org.ctx, { name: "Triage", event: "conversation_created", actions: await actions(org) });
  const { conversation } = await createConversation(org.ctx, { subject, user_email: "jo@example.test", user_first_name: "Jo", description: "Hello" });
  expect(await jobsOf(org.orgId)).toHaveLength(1);
  await drainAutomationJobs(org.orgId);
  const runs = await automationRuns(org.orgId, conversation.id);
  return { org, rule, runs, conversation: await getConversation(org.ctx, conversation.id) };
}

let server: http.Server;
let hookUrl: string;
const hooks: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let hookStatus = 200;
beforeAll(async () => {
  process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hooks.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(hookStatus).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("automation actions (each through the queue, logged on the conversation as the rule)", () => {
  it("assign to a team", async () => {
    const { conversation, runs } = await runRule(async ({ ctx }) => [{ type: "assign_team", team_id: (await createTeam(ctx, { name: "Billing" })).id }]);
    expect(conversation.team?.name).toBe("Billing");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorType: "system", actorName: "Automation “Triage”", data: { actions: ["moved it to team Billing"] } });
  });

  it("assign to an agent", async () => {
    const { conversation, runs } = await runRule(async ({ orgId }) => {
      const ann = await createAgent(orgId, { email: `ann-${orgId.slice(0, 8)}@example.test`, password: "password-123", role: "agent", name: "Ann Agent" });
      return [{ type: "assign_agent", agent_id: ann.id }];
    });
    expect(conversation.assignee?.name).toBe("Ann Agent");
    expect(runs[0]!.data).toMatchObject({ actions: ["assigned it to Ann Agent"] });
  });

  it("add tags", async () => {
    const { conversation, runs } = await runRule(() => [{ type: "add_tags", tags: ["parcel", "triaged"] }]);
    expect([...conversation.tags].sort()).toEqual(["parcel", "triaged"]);
    expect(runs[0]!.data).toMatchObject({ actions: ["added tags parcel, triaged"] });
  });

  it("set priority", async () => {
    const { conversation } = await runRule(() => [{ type: "set_priority", priority: "urgent" }]);
    expect(conversation.priority).toBe("urgent");
  });

  it("send a canned reply, placeholders filled, without triggering anything", async () => {
    const { org, conversation, runs } = await runRule(async ({ ctx }) => {
      const reply = await createCannedReply(ctx, { title: "Ack", shortcut: "ack", body: "Hi {{requester.first_name}}, we got #{{conversation.number}}.", shared: true });
      return [{ type: "send_canned_reply", canned_reply_id: reply.id }];
    });
    const sent = await db.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound")));
    expect(sent.map((m) => m.body)).toEqual([`Hi Jo, we got #${conversation.number}.`]);
    expect(runs[0]!.data).toMatchObject({ actions: ["sent a canned reply"] });
    expect(await jobsOf(org.orgId)).toHaveLength(0);
  });

  it("snooze", async () => {
    const before = Date.now();
    const { conversation } = await runRule(() => [{ type: "snooze", minutes: 60 }]);
    expect(conversation.status).toBe("snoozed");
    const until = Date.parse(conversation.snoozed_until!);
    expect(until - before).toBeGreaterThanOrEqual(60 * 60_000);
    expect(until - before).toBeLessThan(61 * 60_000);
  });

  it("resolve", async () => {
    const { conversation, runs } = await runRule(() => [{ type: "resolve" }]);
    expect(conversation.status).toBe("closed");
    expect(runs[0]!.data).toMatchObject({ actions: ["resolved it"] });
  });

  it("call a webhook (loopback allowed only with DEXRA_WEBHOOK_ALLOW_PRIVATE=1), a failure is logged", async () => {
    hooks.length = 0;
    const { rule, conversation, runs } = await runRule(() => [{ type: "call_webhook", url: hookUrl }]);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.headers["x-dexra-automation-rule"]).toBe(rule.id);
    expect(hooks[0]!.body).toMatchObject({ type: "automation_rule", event: "conversation_created", rule: { id: rule.id, name: "Triage" }, conversation: { id: conversation.id } });
    expect(runs[0]!.data).toMatchObject({ actions: [expect.stringMatching(/^called webhook 127\.0\.0\.1:\d+ \(HTTP 200\)$/)] });

    hookStatus = 500;
    const failed = await runRule(() => [{ type: "call_webhook", url: hookUrl }, { type: "add_tags", tags: ["after"] }]);
    hookStatus = 200;
    expect(failed.runs[0]!.data).toMatchObject({ actions: [expect.stringContaining("could not call webhook"), "added tag after"] });
  });

  it("a private webhook target is refused when private targets are not allowed", async () => {
    const org = await createTestOrg();
    delete process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE;
    try {
      await expect(createAutomationRule(org.ctx, { name: "Leak", event: "conversation_created", actions: [{ type: "call_webhook", url: "http://127.0.0.1:9/x" }] }))
        .rejects.toMatchObject({ code: "validation_error" });
    } finally {
      process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    }
  });

  it("an action that can no longer be done (its team was deleted after the rule was saved) is logged; the others still run", async () => {
    const org = await createTestOrg();
    const team = await createTeam(org.ctx, { name: "Gone" });
    await createAutomationRule(org.ctx, { name: "Route", event: "conversation_created", actions: [{ type: "assign_team", team_id: team.id }, { type: "set_priority", priority: "high" }] });
    await deleteTeam(org.ctx, { id: team.id });
    const { conversation } = await createConversation(org.ctx, { subject: "Hi", user_email: "jo@example.test" });
    await drainAutomationJobs(org.orgId);
    const [run] = await automationRuns(org.orgId, conversation.id);
    expect(run!.data).toMatchObject({ actions: [expect.stringMatching(/^could not assign team: no team .* in this organization$/), "set priority high"] });
    expect((await getConversation(org.ctx, conversation.id)).priority).toBe("high");
  });
});

import { describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { callRoute } from "@/lib/api/testing/call-route";
import { createTestOrg, TEST_PASSWORD } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as activity from "./conversations/[id]/activity/route";
import * as claim from "./conversations/[id]/claim/route";
import * as merge from "./conversations/[id]/merge/route";
import * as messages from "./conversations/[id]/messages/route";
import * as createMessage from "./conversations/[id]/messages/create/route";
import * as rating from "./conversations/[id]/rating/route";
import * as reopen from "./conversations/[id]/reopen/route";
import * as resolve from "./conversations/[id]/resolve/route";
import * as snooze from "./conversations/[id]/snooze/route";
import * as tags from "./conversations/[id]/tags/route";
import * as tag from "./conversations/[id]/tags/[tag]/route";
import * as unmerge from "./conversations/[id]/unmerge/route";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";
import * as user from "./users/[id]/route";
import * as users from "./users/route";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function setup() {
  const org = await createTestOrg();
  const agent = await createAgent(org.orgId, { email: `agent-${org.orgId.slice(0, 8)}@yourcompany.test`, name: "Sarah Connor", password: TEST_PASSWORD });
  const key = org.serverKey;
  const created = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", {
    key,
    body: { subject: "Help with order #1234", user_email: "customer@example.com", user_first_name: "Jane", user_last_name: "Doe", description: "I need help with my order", channel: "web" },
  });
  return { ...org, agent, key, conversation: created.body, created };
}

describe("seed contract: /api/v1/conversations", () => {
  it("POST create/ → 201 with the conversation object", async () => {
    const { created } = await setup();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      subject: "Help with order #1234",
      status: "open",
      priority: "normal",
      channel: "web",
      metadata: {},
      tags: [],
      custom_attributes: {},
      requester: { email: "customer@example.com", first_name: "Jane", last_name: "Doe" },
      assignee: null,
      team: null,
      resolved_at: null,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.created_at).toMatch(ISO);
    expect(created.headers.get("ratelimit-limit")).toBe("600");
  });

  it("POST create/ validates: subject required and ≤ 500, enums, unknown fields", async () => {
    const { key } = await setup();
    const bad = [{}, { subject: "x".repeat(501) }, { subject: "a", priority: "critical" }, { subject: "a", channel: "fax" }, { subject: "a", owner: "me" }];
    for (const body of bad) {
      const res = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_error");
    }
    const res = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key, body: {} });
    expect(res.body.error.message).toBe("subject is required");
  });

  it("GET list → {count, next, previous, results}, filters, limit clamped to 100", async () => {
    const { key } = await setup();
    for (let i = 0; i < 3; i++) {
      await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key, body: { subject: `More ${i}`, user_email: "other@example.com" } });
    }
    const page = await callRoute(list.GET, "GET", "/api/v1/conversations/?limit=2", { key });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ count: 4, previous: null });
    expect(page.body.next).toBe("http://localhost:3000/api/v1/conversations/?limit=2&offset=2");
    expect(page.body.results.map((c: { subject: string }) => c.subject)).toEqual(["More 2", "More 1"]);
    const second = await callRoute(list.GET, "GET", page.body.next, { key });
    expect(second.body).toMatchObject({ next: null, previous: "http://localhost:3000/api/v1/conversations/?limit=2&offset=0" });
    const mine = await callRoute(list.GET, "GET", "/api/v1/conversations/?user_email=customer@example.com&status=open", { key });
    expect(mine.body.count).toBe(1);
    const clamped = await callRoute(list.GET, "GET", "/api/v1/conversations/?limit=1000", { key });
    expect(clamped.status).toBe(200);
    expect((await callRoute(list.GET, "GET", "/api/v1/conversations/?status=archived", { key })).status).toBe(400);
    expect((await callRoute(list.GET, "GET", "/api/v1/conversations/?limit=abc", { key })).status).toBe(400);
  });

  it("GET {id}/ → the conversation; a bad or unknown id → 404", async () => {
    const { key, conversation } = await setup();
    const res = await callRoute(one.GET, "GET", `/api/v1/conversations/${conversation.id}/`, { key, params: { id: conversation.id } });
    expect(res.body).toEqual(conversation);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const missing = await callRoute(one.GET, "GET", `/api/v1/conversations/${id}/`, { key, params: { id } });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: { code: "not_found", message: "Conversation not found", details: [] } });
    }
  });

  it("messages: create from the requester and an agent, list oldest first with {count, results}", async () => {
    const { key, conversation, agent } = await setup();
    const params = { id: conversation.id };
    const reply = await callRoute(createMessage.POST, "POST", "x", { key, params, body: { body: "Sure! Let me look into that.", user_email: agent.email } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ conversation_id: conversation.id, sender_email: agent.email, sender_type: "agent", message_type: "reply" });
    const stranger = await callRoute(createMessage.POST, "POST", "x", { key, params, body: { body: "hi", user_email: "who@example.com" } });
    expect(stranger.status).toBe(400);
    const missing = await callRoute(createMessage.POST, "POST", "x", { key, params, body: { user_email: agent.email } });
    expect(missing.body.error.message).toBe("body is required");
    const thread = await callRoute(messages.GET, "GET", "x", { key, params });
    expect(thread.body.count).toBe(2);
    expect(thread.body.results[0]).toMatchObject({ sender_email: "customer@example.com", body: "I need help with my order", message_type: "reply", sender_type: "user" });
    expect(Object.keys(thread.body.results[0])).toEqual(expect.arrayContaining(["id", "conversation_id", "sender_email", "sender_type", "body", "message_type", "created_at"]));
  });

  it("resolve → 200, status closed and resolved_at set; a requester reply reopens", async () => {
    const { key, conversation } = await setup();
    const params = { id: conversation.id };
    const res = await callRoute(resolve.POST, "POST", "x", { key, params });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: conversation.id, number: 1, subject: "Help with order #1234", status: "closed" });
    expect(res.body.resolved_at).toMatch(ISO);
    await callRoute(createMessage.POST, "POST", "x", { key, params, body: { body: "Still waiting", user_email: "customer@example.com" } });
    expect((await callRoute(one.GET, "GET", "x", { key, params })).body.status).toBe("open");
  });
});

describe("extensions", () => {
  it("claim with force false → 409 already_assigned naming the assignee; PUT and POST both work", async () => {
    const { key, conversation, agent, orgId } = await setup();
    const other = await createAgent(orgId, { email: `other-${orgId.slice(0, 8)}@yourcompany.test`, password: TEST_PASSWORD });
    const params = { id: conversation.id };
    const first = await callRoute(claim.PUT, "PUT", "x", { key, params, body: { agent_email: agent.email } });
    expect(first.body.assignee).toMatchObject({ email: agent.email, name: "Sarah Connor" });
    const refused = await callRoute(claim.POST, "POST", "x", { key, params, body: { agent_id: other.id, force: false } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "already_assigned", message: "Already assigned to Sarah Connor" });
    expect((await callRoute(claim.POST, "POST", "x", { key, params, body: {} })).status).toBe(400);
  });

  it("PATCH changes allowed fields only; tags add/remove; activity lists what happened", async () => {
    const { key, conversation, agent } = await setup();
    const params = { id: conversation.id };
    const patched = await callRoute(one.PATCH, "PATCH", "x", {
      key,
      params,
      body: { priority: "high", assignee_email: agent.email, tags: ["billing"], custom_attributes: { plan: "pro" } },
    });
    expect(patched.body).toMatchObject({ priority: "high", tags: ["billing"], custom_attributes: { plan: "pro" }, assignee: { email: agent.email } });
    for (const body of [{ number: 9 }, { organization_id: "x" }, { status: "done" }, { requester: {} }]) {
      expect((await callRoute(one.PATCH, "PATCH", "x", { key, params, body })).status).toBe(400);
    }
    expect((await callRoute(tags.POST, "POST", "x", { key, params, body: { tag: "vip" } })).body.tags).toEqual(["billing", "vip"]);
    const removed = await callRoute(tag.DELETE, "DELETE", "x", { key, params: { ...params, tag: "billing" } });
    expect(removed.body.tags).toEqual(["vip"]);
    const log = await callRoute(activity.GET, "GET", "x", { key, params });
    expect(log.body.results.map((a: { action: string }) => a.action)).toEqual([
      "created", "message", "priority_changed", "attribute_changed", "assigned", "tag_added", "tag_added", "tag_removed",
    ]);
    expect(log.body.results[2].actor).toMatchObject({ type: "api_key" });
  });

  it("snooze, reopen, rating, merge and unmerge", async () => {
    const { key, conversation } = await setup();
    const params = { id: conversation.id };
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await callRoute(snooze.POST, "POST", "x", { key, params, body: { until } })).body).toMatchObject({ status: "snoozed", snoozed_until: until });
    expect((await callRoute(snooze.POST, "POST", "x", { key, params, body: { until: "tomorrow" } })).status).toBe(400);
    expect((await callRoute(reopen.POST, "POST", "x", { key, params })).body.status).toBe("open");
    const rated = await callRoute(rating.POST, "POST", "x", { key, params, body: { score: 4, comment: "quick" } });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ score: 4, comment: "quick" });
    const target = await callRoute(create.POST, "POST", "x", { key, body: { subject: "Same person", user_email: "customer@example.com" } });
    const merged = await callRoute(merge.POST, "POST", "x", { key, params, body: { into: target.body.id } });
    expect(merged.body).toMatchObject({ status: "closed", merged_into_id: target.body.id });
    expect((await callRoute(unmerge.POST, "POST", "x", { key, params })).body).toMatchObject({ status: "open", merged_into_id: null });
  });

  it("users: list by email, get, PATCH with attribute merge", async () => {
    const { key, conversation } = await setup();
    const found = await callRoute(users.GET, "GET", "/api/v1/users/?email=customer@example.com", { key });
    expect(found.body).toMatchObject({ count: 1, next: null, previous: null });
    const id = found.body.results[0].id;
    expect(id).toBe(conversation.requester.id);
    await callRoute(user.PATCH, "PATCH", "x", { key, params: { id }, body: { custom_attributes: { plan: "pro", seats: 3 } } });
    const patched = await callRoute(user.PATCH, "PATCH", "x", { key, params: { id }, body: { external_id: "cus_1", custom_attributes: { seats: null } } });
    expect(patched.body).toMatchObject({ external_id: "cus_1", custom_attributes: { plan: "pro" } });
    expect((await callRoute(user.GET, "GET", "x", { key, params: { id } })).body).toEqual(patched.body);
    expect((await callRoute(user.PATCH, "PATCH", "x", { key, params: { id }, body: { anonymous: true } })).status).toBe(400);
  });
});

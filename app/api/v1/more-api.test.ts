import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { agentResponseSchema } from "@/lib/agents/openapi";
import { callRoute } from "@/lib/api/testing/call-route";
import { businessHoursResponseSchema, businessHoursStatusSchema } from "@/lib/business-hours/openapi";
import { cannedReplyResponseSchema } from "@/lib/canned-replies/openapi";
import { messageResponseSchema } from "@/lib/conversations/openapi";
import { createConversation } from "@/lib/conversations/create-conversation";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { conversationAttributesResponseSchema, definitionResponseSchema } from "@/lib/custom-attributes/openapi";
import { createDefinition } from "@/lib/custom-attributes/definitions";
import { tagResponseSchema } from "@/lib/tags/openapi";
import { teamResponseSchema } from "@/lib/teams/openapi";
import { createTestOrg } from "@/lib/testing/test-org";
import * as agent from "./agents/[id]/route";
import * as agents from "./agents/route";
import * as hours from "./business-hours/route";
import * as hoursStatus from "./business-hours/status/route";
import * as render from "./canned-replies/[id]/render/route";
import * as canned from "./canned-replies/[id]/route";
import * as cannedList from "./canned-replies/route";
import * as convAttributes from "./conversations/[id]/custom-attributes/route";
import * as notes from "./conversations/[id]/notes/route";
import * as activity from "./conversations/[id]/activity/route";
import * as definitions from "./custom-attributes/route";
import * as tag from "./tags/[id]/route";
import * as tagList from "./tags/route";
import * as members from "./teams/[id]/members/route";
import * as team from "./teams/[id]/route";
import * as teamList from "./teams/route";

async function trail(orgId: string) {
  const audits = await rows<{ action: string; actor_name: string }>(sql`select action, actor_name from audit_logs where organization_id = ${orgId} order by created_at, id`);
  const events = await rows<{ type: string }>(sql`select type from events where organization_id = ${orgId} order by seq`);
  return { audits: audits.map((a) => a.action), actors: new Set(audits.map((a) => a.actor_name)), events: events.map((e) => e.type) };
}

describe("More of the API: agents, teams, tags", () => {
  it("lists agents with teams; teams CRUD and members, each audited with its webhook event", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const created = await callRoute(teamList.POST, "POST", "x", { key, body: { name: "Billing" } });
    expect(created.status).toBe(201);
    teamResponseSchema.parse(created.body);
    const id = created.body.id;
    expect((await callRoute(teamList.POST, "POST", "x", { key, body: { name: "Billing" } })).status).toBe(400);
    expect((await callRoute(teamList.POST, "POST", "x", { key, body: { name: "X", extra: 1 } })).status).toBe(400);

    const renamed = await callRoute(team.PATCH, "PATCH", "x", { key, params: { id }, body: { name: "Billing EU" } });
    expect(renamed.body).toMatchObject({ id, name: "Billing EU", agent_ids: [] });
    const withMembers = await callRoute(members.PUT, "PUT", "x", { key, params: { id }, body: { agent_ids: [org.owner.id] } });
    expect(withMembers.body.agent_ids).toEqual([org.owner.id]);
    const unknownMember = await callRoute(members.PUT, "PUT", "x", { key, params: { id }, body: { agent_ids: [crypto.randomUUID()] } });
    expect(unknownMember.status).toBe(400);

    const listed = await callRoute(agents.GET, "GET", "/api/v1/agents/", { key });
    expect(listed.body).toMatchObject({ count: 1, next: null, previous: null });
    agentResponseSchema.parse(listed.body.results[0]);
    const one = await callRoute(agent.GET, "GET", "x", { key, params: { id: org.owner.id } });
    expect(one.body).toEqual({ id: org.owner.id, email: org.owner.email, name: "Olive Owner", role: "owner", teams: [{ id, name: "Billing EU" }], active: true, availability: "offline" });
    expect((await callRoute(agent.GET, "GET", "x", { key, params: { id: "nope" } })).status).toBe(404);

    const page = await callRoute(teamList.GET, "GET", "/api/v1/teams/?limit=1", { key });
    expect(page.body).toMatchObject({ count: 1, next: null, results: [{ id, name: "Billing EU", agent_ids: [org.owner.id] }] });
    expect((await callRoute(team.DELETE, "DELETE", "x", { key, params: { id } })).body).toEqual({ id });
    expect((await callRoute(team.GET, "GET", "x", { key, params: { id } })).status).toBe(404);

    const { audits, actors, events } = await trail(org.orgId);
    expect(audits).toEqual(["team.created", "team.renamed", "team.members_set", "team.deleted"]);
    // Audited as the key that made the change, not as an agent.
    expect(actors.size).toBe(1);
    expect(actors.has("Olive Owner")).toBe(false);
    expect(events).toEqual(["team_created", "team_updated", "team_members_updated", "team_deleted"]);
  });

  it("client keys get 403, no key 401", async () => {
    const org = await createTestOrg();
    expect((await callRoute(teamList.GET, "GET", "x", { key: org.clientKey })).status).toBe(403);
    expect((await callRoute(tagList.POST, "POST", "x", { body: { name: "x" } })).status).toBe(401);
  });

  it("tags: create (default color), list with usage, rename, delete", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const vip = await callRoute(tagList.POST, "POST", "x", { key, body: { name: "VIP" } });
    expect(vip.status).toBe(201);
    expect(vip.body).toEqual({ id: expect.any(String), name: "VIP", color: "#64748b" });
    expect((await callRoute(tagList.POST, "POST", "x", { key, body: { name: "vip" } })).status).toBe(400);
    expect((await callRoute(tagList.POST, "POST", "x", { key, body: { name: "x", color: "red" } })).status).toBe(400);
    expect((await callRoute(tagList.GET, "GET", "x", { key })).body.results).toEqual([{ id: vip.body.id, name: "VIP", color: "#64748b", conversations: 0 }]);
    const { conversation } = await createConversation(org.ctx, { subject: "Tagged", user_email: "t@example.test" });
    await updateConversation(org.ctx, conversation.id, { tags: ["VIP"] });
    const listed = await callRoute(tagList.GET, "GET", "x", { key });
    expect(listed.body.results).toEqual([{ id: vip.body.id, name: "VIP", color: "#64748b", conversations: 1 }]);
    for (const t of listed.body.results) tagResponseSchema.parse(t);
    const patched = await callRoute(tag.PATCH, "PATCH", "x", { key, params: { id: vip.body.id }, body: { color: "#ff0000" } });
    expect(patched.body).toEqual({ id: vip.body.id, name: "VIP", color: "#ff0000" });
    expect((await callRoute(tag.PATCH, "PATCH", "x", { key, params: { id: "vip" }, body: { color: "#ff0000" } })).status).toBe(404);
    expect((await callRoute(tag.DELETE, "DELETE", "x", { key, params: { id: vip.body.id } })).status).toBe(200);
    expect((await callRoute(tag.DELETE, "DELETE", "x", { key, params: { id: vip.body.id } })).status).toBe(404);
    const { audits, events } = await trail(org.orgId);
    expect(audits).toEqual(["tag.created", "tag.updated", "tag.deleted"]);
    expect(events.filter((e) => e.startsWith("tag_"))).toEqual(["tag_created", "tag_updated", "tag_deleted"]);
  });
});

describe("More of the API: attributes, notes, canned replies, business hours", () => {
  it("lists definitions by entity and sets conversation attributes in Dixa's shape", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const plan = await createDefinition(org.ctx, { entity: "conversation", key: "plan", label: "Plan", type: "select", options: ["free", "pro"] });
    await createDefinition(org.ctx, { entity: "conversation", key: "seats", label: "Seats", type: "number" });
    await createDefinition(org.ctx, { entity: "end_user", key: "tier", label: "Tier", type: "text" });
    const users = await callRoute(definitions.GET, "GET", "/api/v1/custom-attributes/?entity=user", { key });
    expect(users.body.results.map((d: { key: string; entity: string }) => `${d.entity}:${d.key}`)).toEqual(["user:tier"]);
    const all = await callRoute(definitions.GET, "GET", "/api/v1/custom-attributes/", { key });
    expect(all.body.count).toBe(3);
    for (const d of all.body.results) definitionResponseSchema.parse(d);
    expect((await callRoute(definitions.GET, "GET", "/api/v1/custom-attributes/?entity=agent", { key })).status).toBe(400);

    const { conversation } = await createConversation(org.ctx, { subject: "Attrs", user_email: "a@example.test" });
    const params = { id: conversation.id };
    const set = await callRoute(convAttributes.PATCH, "PATCH", "x", { key, params, body: { [plan.id]: ["pro"], seats: 12 } });
    expect(set.status).toBe(200);
    conversationAttributesResponseSchema.parse(set.body);
    expect(set.body.data).toEqual([
      { id: plan.id, key: "plan", label: "Plan", value: ["pro"] },
      { id: expect.any(String), key: "seats", label: "Seats", value: 12 },
    ]);
    const bad = await callRoute(convAttributes.PATCH, "PATCH", "x", { key, params, body: { plan: ["enterprise"] } });
    expect(bad.status).toBe(400);
    expect((await callRoute(convAttributes.PATCH, "PATCH", "x", { key, params, body: { nosuch: 1 } })).status).toBe(400);
    const cleared = await callRoute(convAttributes.PATCH, "PATCH", "x", { key, params, body: { seats: null } });
    expect(cleared.body.data[1].value).toBeNull();
    const events = await rows<{ type: string; data: { changes: unknown } }>(sql`select type, data from events where conversation_id = ${conversation.id} and type = 'conversation_custom_attributes_updated' order by seq`);
    expect(events.map((e) => e.data.changes)).toEqual([{ plan: "pro", seats: 12 }, { seats: null }]);
    // Recorded in the conversation's activity log with the key as actor, as every conversation change is.
    const log = await callRoute(activity.GET, "GET", "x", { key, params });
    expect(log.body.results.slice(-2).map((a: { action: string; actor: { type: string }; data: { changes: unknown } }) => [a.action, a.actor.type, a.data.changes])).toEqual([
      ["attribute_changed", "api_key", { plan: "pro", seats: 12 }],
      ["attribute_changed", "api_key", { seats: null }],
    ]);
  });

  it("notes: written by the API identity or an agent, listed, never a reply", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const { conversation } = await createConversation(org.ctx, { subject: "Notes", user_email: "n@example.test", description: "hello" });
    const params = { id: conversation.id };
    const byApi = await callRoute(notes.POST, "POST", "x", { key, params, body: { body: "Checked the logs" } });
    expect(byApi.status).toBe(201);
    messageResponseSchema.parse(byApi.body);
    expect(byApi.body).toMatchObject({ message_type: "note", sender_type: "agent", sender_email: null });
    const byAgent = await callRoute(notes.POST, "POST", "x", { key, params, body: { body: "VIP", user_email: org.owner.email } });
    expect(byAgent.body.sender_email).toBe(org.owner.email);
    expect((await callRoute(notes.POST, "POST", "x", { key, params, body: { body: "x", user_email: "n@example.test" } })).status).toBe(400);
    expect((await callRoute(notes.POST, "POST", "x", { key, params, body: {} })).status).toBe(400);
    const listed = await callRoute(notes.GET, "GET", "x", { key, params });
    expect(listed.body.results.map((m: { body: string }) => m.body)).toEqual(["Checked the logs", "VIP"]);
    const [fed] = await rows<{ n: number }>(sql`select count(*)::int as n from events where conversation_id = ${conversation.id} and type = 'note_created'`);
    expect(fed!.n).toBe(2);
    const log = await callRoute(activity.GET, "GET", "x", { key, params });
    expect(log.body.results.slice(-2).map((a: { action: string; actor: { type: string }; data: { message_id: string } }) => [a.action, a.actor.type, a.data.message_id])).toEqual([
      ["note", "api_key", byApi.body.id],
      ["note", "api_key", byAgent.body.id],
    ]);
  });

  it("canned replies: CRUD, render with placeholders, audited with events", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const created = await callRoute(cannedList.POST, "POST", "x", { key, body: { title: "Greeting", shortcut: "hi", body: "Hi {{requester.first_name}}, about #{{conversation.number}}: {{agent.name}}" } });
    expect(created.status).toBe(201);
    cannedReplyResponseSchema.parse(created.body);
    expect(created.body.shared).toBe(true);
    const id = created.body.id;
    expect((await callRoute(cannedList.POST, "POST", "x", { key, body: { title: "Dup", shortcut: "hi", body: "x" } })).status).toBe(400);
    expect((await callRoute(cannedList.POST, "POST", "x", { key, body: { title: "Bad", shortcut: "bad", body: "{{nope}}" } })).status).toBe(400);
    const patched = await callRoute(canned.PATCH, "PATCH", "x", { key, params: { id }, body: { title: "Hello" } });
    expect(patched.body).toMatchObject({ id, title: "Hello", shortcut: "hi" });
    expect((await callRoute(canned.GET, "GET", "x", { key, params: { id } })).body.title).toBe("Hello");
    expect((await callRoute(cannedList.GET, "GET", "x", { key })).body.count).toBe(1);

    const { conversation } = await createConversation(org.ctx, { subject: "Render", user_email: "ada@example.test", user_first_name: "Ada" });
    await callRoute(convAttributes.PATCH, "PATCH", "x", { key, params: { id: conversation.id }, body: {} });
    const rendered = await callRoute(render.POST, "POST", "x", { key, params: { id }, body: { conversation_id: conversation.id } });
    expect(rendered.body).toEqual({ body: `Hi Ada, about #${conversation.number}: ` });
    expect((await callRoute(render.POST, "POST", "x", { key, params: { id }, body: { conversation_id: crypto.randomUUID() } })).status).toBe(404);
    expect((await callRoute(canned.DELETE, "DELETE", "x", { key, params: { id } })).body).toEqual({ id });
    expect((await callRoute(canned.GET, "GET", "x", { key, params: { id } })).status).toBe(404);
    const { audits, events } = await trail(org.orgId);
    expect(audits).toEqual(["canned_reply.created", "canned_reply.updated", "canned_reply.deleted"]);
    expect(events.filter((e) => e.startsWith("canned_"))).toEqual(["canned_reply_created", "canned_reply_updated", "canned_reply_deleted"]);
  });

  it("business hours: always open by default; PUT a schedule; status says when it changes", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    expect((await callRoute(hoursStatus.GET, "GET", "x", { key })).body).toEqual({ open: true, next_change_at: null });
    const initial = await callRoute(hours.GET, "GET", "x", { key });
    businessHoursResponseSchema.parse(initial.body);
    expect(initial.body.enabled).toBe(false);
    const allWeek = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, { enabled: true, open: "00:00", close: "23:59" }]));
    const put = await callRoute(hours.PUT, "PUT", "x", { key, body: { enabled: true, days: allWeek, holidays: [] } });
    expect(put.status).toBe(200);
    expect(put.body.days.mon).toEqual({ enabled: true, open: "00:00", close: "23:59" });
    const status = await callRoute(hoursStatus.GET, "GET", "x", { key });
    businessHoursStatusSchema.parse(status.body);
    expect(typeof status.body.open).toBe("boolean");
    expect(Date.parse(status.body.next_change_at)).toBeGreaterThan(Date.now());
    expect((await callRoute(hours.PUT, "PUT", "x", { key, body: { enabled: true, days: { mon: { enabled: true, open: "18:00", close: "09:00" } } } })).status).toBe(400);
    const { audits, events } = await trail(org.orgId);
    expect(audits).toEqual(["business_hours.updated"]);
    expect(events).toEqual(["business_hours_updated"]);
  });
});

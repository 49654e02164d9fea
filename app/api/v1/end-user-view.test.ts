import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/testing/call-route";
import { createDefinition } from "@/lib/custom-attributes/definitions";
import { createTestOrg } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as messages from "./conversations/[id]/messages/route";
import * as createMessage from "./conversations/[id]/messages/create/route";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

describe("client keys get the end user's view", () => {
  it("agent display name only, no tags or team, only public custom attributes; server keys see everything", async () => {
    const org = await createTestOrg();
    const { serverKey, clientKey, identitySecret, owner } = org;
    await createDefinition(org.ctx, { entity: "conversation", key: "plan", label: "Plan", type: "text", required: false, public: true });
    await createDefinition(org.ctx, { entity: "conversation", key: "churn_risk", label: "Churn risk", type: "text", required: false });
    const email = "customer@example.com";
    const created = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "Refund", user_email: email, description: "help" } });
    const params = { id: created.body.id };
    const patched = await callRoute(one.PATCH, "PATCH", "x", {
      key: serverKey,
      params,
      body: { tags: ["vip", "angry"], assignee_email: owner.email, custom_attributes: { plan: "gold", churn_risk: "high" } },
    });
    expect(patched.status).toBe(200);
    await callRoute(createMessage.POST, "POST", "x", { key: serverKey, params, body: { body: "On it", user_email: owner.email } });

    const client = { key: clientKey, headers: { "x-dexra-user-email": email, "x-dexra-user-hash": hmac(identitySecret, email) } };
    const mine = await callRoute(one.GET, "GET", "x", { ...client, params });
    const listed = await callRoute(list.GET, "GET", "/api/v1/conversations/", client);
    const thread = await callRoute(messages.GET, "GET", "x", { ...client, params });
    for (const conversation of [mine.body, listed.body.results[0]]) {
      expect(conversation.assignee).toEqual({ name: owner.name });
      expect(conversation).not.toHaveProperty("tags");
      expect(conversation).not.toHaveProperty("team");
      expect(conversation.custom_attributes).toEqual({ plan: "gold" });
    }
    expect(thread.body.results.map((m: { sender_email: string | null }) => m.sender_email)).toEqual([email, null]);
    for (const answer of [mine, listed, thread]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(owner.email);
      expect(text).not.toContain("churn_risk");
      expect(text).not.toContain("vip");
    }
    const reply = await callRoute(createMessage.POST, "POST", "x", { ...client, params, body: { body: "thanks", user_email: email } });
    expect(reply.status).toBe(201);
    const anonymous = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Anon" } });
    expect(anonymous.body).not.toHaveProperty("tags");

    const full = await callRoute(one.GET, "GET", "x", { key: serverKey, params });
    expect(full.body.assignee.email).toBe(owner.email);
    expect(full.body.tags.sort()).toEqual(["angry", "vip"]);
    expect(full.body.custom_attributes).toEqual({ plan: "gold", churn_risk: "high" });
  });
});

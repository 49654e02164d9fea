import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activities, conversations, events, messages } from "@/db/schema";
import { createTestOrg } from "../testing/test-org";
import { createConversation } from "./create-conversation";

describe("createConversation", () => {
  it("numbers conversations 1..20 without gaps or duplicates under 20 concurrent creates", async () => {
    const { ctx } = await createTestOrg();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => createConversation(ctx, { subject: `Concurrent ${i}`, user_email: `c${i % 3}@example.test` })),
    );
    const rows = await db
      .select({ number: conversations.number })
      .from(conversations)
      .where(eq(conversations.organizationId, ctx.orgId))
      .orderBy(asc(conversations.number));
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("keeps numbering per organization", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    const first = await createConversation(a.ctx, { subject: "A1" });
    const second = await createConversation(b.ctx, { subject: "B1" });
    expect([first.conversation.number, second.conversation.number]).toEqual([1, 1]);
  });

  it("stores the description as the requester's first message with its activity and outbox rows", async () => {
    const { ctx } = await createTestOrg();
    const { conversation } = await createConversation(ctx, {
      subject: "Help with order #1234",
      user_email: "Jane@Example.test",
      user_first_name: "Jane",
      description: "My order has not arrived",
      channel: "web",
    });
    expect(conversation).toMatchObject({
      subject: "Help with order #1234",
      status: "open",
      priority: "normal",
      channel: "web",
      requester: { email: "jane@example.test", first_name: "Jane" },
      assignee: null,
    });
    const thread = await db.select().from(messages).where(eq(messages.conversationId, conversation.id));
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ direction: "inbound", type: "reply", body: "My order has not arrived" });
    const log = await db.select().from(activities).where(eq(activities.conversationId, conversation.id));
    expect(log.map((a) => a.action).sort()).toEqual(["created", "message"]);
    const outbox = await db
      .select()
      .from(events)
      .where(and(eq(events.organizationId, ctx.orgId), eq(events.conversationId, conversation.id)))
      .orderBy(asc(events.seq));
    expect(outbox.map((e) => [e.type, e.conversationSeq])).toEqual([
      ["conversation_created", 1],
      ["message_in", 2],
    ]);
  });

  it("creates an anonymous requester with a one-time token when no email is given", async () => {
    const { ctx } = await createTestOrg();
    const { conversation, anonymousToken } = await createConversation(ctx, { subject: "Anonymous" });
    expect(anonymousToken).toMatch(/^anon_/);
    expect(conversation.requester.email).toBeNull();
  });

  it("rejects a subject over 500 characters and stores nothing", async () => {
    const { ctx } = await createTestOrg();
    await expect(createConversation(ctx, { subject: "x".repeat(501) })).rejects.toThrow(/500/);
    const rows = await db.select().from(conversations).where(eq(conversations.organizationId, ctx.orgId));
    expect(rows).toHaveLength(0);
  });
});

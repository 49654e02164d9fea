import { describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { listInboxConversations } from "./list-conversations";
import { markConversationRead } from "./mark-read";
import { countInboxViews } from "./view-counts";

describe("listInboxConversations", () => {
  it("pages through a view with keyset cursors, newest first, without gaps or repeats", async () => {
    const { ctx, owner } = await createTestOrg();
    for (let i = 0; i < 7; i++) await createConversation(ctx, { subject: `Ticket ${i}`, user_email: `u${i}@example.test` });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInboxConversations(ctx, owner.id, { view: "open", limit: 3, cursor });
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Ticket 6", "Ticket 5", "Ticket 4", "Ticket 3", "Ticket 2", "Ticket 1", "Ticket 0"]);
    const oldest = await listInboxConversations(ctx, owner.id, { view: "open", sort: "oldest", limit: 2 });
    expect(oldest.items.map((i) => i.subject)).toEqual(["Ticket 0", "Ticket 1"]);
  });

  it("sorts by priority, most urgent first, across pages", async () => {
    const { ctx, owner } = await createTestOrg();
    for (const priority of ["low", "urgent", "normal", "high", "urgent"] as const) await createConversation(ctx, { subject: priority, priority });
    const first = await listInboxConversations(ctx, owner.id, { sort: "priority", limit: 3 });
    const second = await listInboxConversations(ctx, owner.id, { sort: "priority", limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.priority)).toEqual(["urgent", "urgent", "high", "normal", "low"]);
  });

  it("finds a conversation by a word that occurs only in a message body, and by #number", async () => {
    const { ctx, owner } = await createTestOrg();
    await createConversation(ctx, { subject: "Order question", description: "The parcel smells of marmalade" });
    const { conversation } = await createConversation(ctx, { subject: "Something else", description: "Nothing to see" });
    const found = await listInboxConversations(ctx, owner.id, { view: "all", q: "marmalade" });
    expect(found.items.map((i) => i.subject)).toEqual(["Order question"]);
    const prefix = await listInboxConversations(ctx, owner.id, { view: "all", q: "marma" });
    expect(prefix.items).toHaveLength(1);
    const byNumber = await listInboxConversations(ctx, owner.id, { view: "all", q: `#${conversation.number}` });
    expect(byNumber.items.map((i) => i.id)).toEqual([conversation.id]);
  });

  it("marks conversations unread for an agent until they open them", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Unread", description: "Hello" });
    expect((await listInboxConversations(ctx, owner.id, {})).items[0]!.unread).toBe(true);
    await markConversationRead(ctx, owner.id, conversation.id);
    expect((await listInboxConversations(ctx, owner.id, {})).items[0]!.unread).toBe(false);
  });

  it("never lists another organization's conversations and rejects a forged cursor", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    await createConversation(a.ctx, { subject: "A's secret" });
    expect((await listInboxConversations(b.ctx, b.owner.id, { view: "all" })).items).toEqual([]);
    await expect(listInboxConversations(a.ctx, a.owner.id, { cursor: "bm90LWpzb24" })).rejects.toThrow(/cursor/);
    const impossible = Buffer.from(JSON.stringify({ at: "2026-13-45T00:00:00Z", id: "00000000-0000-4000-8000-000000000000" })).toString("base64url");
    await expect(listInboxConversations(a.ctx, a.owner.id, { cursor: impossible })).rejects.toMatchObject({ code: "validation_error" });
    await expect(listInboxConversations(a.ctx, a.owner.id, { view: "team:------------------------------------" })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("countInboxViews", () => {
  it("counts open, unassigned and all conversations", async () => {
    const { ctx, owner } = await createTestOrg();
    await createConversation(ctx, { subject: "One" });
    await createConversation(ctx, { subject: "Two" });
    const counts = await countInboxViews(ctx, owner.id);
    expect(counts.views).toMatchObject({ mine: 0, unassigned: 2, open: 2, pending: 0, closed: 0, all: 2 });
  });
});

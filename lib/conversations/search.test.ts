import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import type { Ctx } from "../context";
import { listInboxConversations } from "../inbox/list-conversations";
import { createMessage } from "../messages/create-message";
import { createTestOrg } from "../testing/test-org";
import { createConversation } from "./create-conversation";
import { listConversations } from "./list-conversations";
import { mergeConversation, unmergeConversation } from "./merge-conversation";

/** The ids a word finds through the public API's `q` and through the inbox search, for one caller. */
async function apiFinds(ctx: Ctx, q: string) {
  return (await listConversations(ctx, { q })).results.map((c) => c.id).sort();
}
async function inboxFinds(ctx: Ctx, agentId: string, q: string) {
  return (await listInboxConversations(ctx, agentId, { view: "all", q })).items.map((c) => c.id).sort();
}

describe("conversation search over messages", () => {
  it("finds a word that is only in a later message body, through the inbox and the API", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Delivery", user_email: "b@example.test", description: "Where is it?" });
    await createConversation(ctx, { subject: "Other", user_email: "b@example.test", description: "Nothing here" });
    await createMessage(ctx, conversation.id, { body: "The courier left it with the quartermaster" });
    expect(await apiFinds(ctx, "quartermaster")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "quartermaster")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "quarterm")).toEqual([conversation.id]);
  });

  it("pages API search results newest first with the total count of matches", async () => {
    const { ctx } = await createTestOrg();
    for (const n of [1, 2, 3]) await createConversation(ctx, { subject: `Case ${n}`, user_email: "p@example.test", description: `walrus number ${n}` });
    await createConversation(ctx, { subject: "Case 4", user_email: "p@example.test", description: "no match" });
    const page = await listConversations(ctx, { q: "walrus", limit: 2, offset: 1 });
    expect(page).toMatchObject({ count: 3, limit: 2, offset: 1 });
    expect(page.results.map((c) => c.subject)).toEqual(["Case 2", "Case 1"]);
    expect((await listConversations(ctx, { q: "walrus", offset: 5 })).results).toEqual([]);
  });

  it("finds a private note's word for agents and server keys, never for the requester's client key", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Account", user_email: "n@example.test", description: "Please help" });
    await createMessage(ctx, conversation.id, { body: "Suspected chargeback artist", message_type: "note" });
    await createMessage(ctx, conversation.id, { body: "We are looking into your zeppelin" });
    const server: Ctx = { orgId: ctx.orgId, actor: { type: "api_key", id: owner.id, name: "server", kind: "server" } };
    const endUser: Ctx = { orgId: ctx.orgId, actor: { type: "end_user", id: conversation.requester.id, name: "n" } };
    expect(await apiFinds(ctx, "chargeback")).toEqual([conversation.id]);
    expect(await apiFinds(server, "chargeback")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "chargeback")).toEqual([conversation.id]);
    expect(await apiFinds(endUser, "chargeback")).toEqual([]);
    expect(await apiFinds(endUser, "\"suspected chargeback\" OR artist")).toEqual([]);
    // The same client key does find its own conversation by a reply's word and by the subject.
    expect(await apiFinds(endUser, "zeppelin")).toEqual([conversation.id]);
    expect(await apiFinds(endUser, "account")).toEqual([conversation.id]);
  });

  it("after a merge the source's words find the target; after unmerge they find the source again", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation: a } = await createConversation(ctx, { subject: "First", user_email: "m@example.test", description: "My aardvark escaped" });
    const { conversation: b } = await createConversation(ctx, { subject: "Second", user_email: "m@example.test", description: "About the gazebo" });
    await mergeConversation(ctx, a.id, { into: b.id });
    expect(await apiFinds(ctx, "aardvark")).toEqual([b.id]);
    expect(await inboxFinds(ctx, owner.id, "aardvark")).toEqual([b.id]);
    expect(await apiFinds(ctx, "gazebo")).toEqual([b.id]);
    await unmergeConversation(ctx, a.id);
    expect(await apiFinds(ctx, "aardvark")).toEqual([a.id]);
    expect(await inboxFinds(ctx, owner.id, "aardvark")).toEqual([a.id]);
    expect(await apiFinds(ctx, "gazebo")).toEqual([b.id]);
  });

  it("a merged conversation whose source document had overflowed is still found by the source's words", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation: a } = await createConversation(ctx, { subject: "Big", user_email: "o@example.test", description: "A platypus story" });
    const { conversation: b } = await createConversation(ctx, { subject: "Small", user_email: "o@example.test", description: "Short" });
    await db.execute(sql`update conversations set search_document = null where id = ${a.id}`);
    await mergeConversation(ctx, a.id, { into: b.id });
    expect(await apiFinds(ctx, "platypus")).toEqual([b.id]);
    expect(await inboxFinds(ctx, owner.id, "platypus")).toEqual([b.id]);
  });

  it("finds a conversation whose document overflowed by a word in its messages", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Huge thread", user_email: "h@example.test", description: "Start" });
    await db.execute(sql`update conversations set search_document = null where id = ${conversation.id}`);
    await createMessage(ctx, conversation.id, { body: "The flamingo arrived" });
    const server: Ctx = { orgId: ctx.orgId, actor: { type: "api_key", id: owner.id, name: "server", kind: "server" } };
    const endUser: Ctx = { orgId: ctx.orgId, actor: { type: "end_user", id: conversation.requester.id, name: "h" } };
    expect(await apiFinds(server, "flamingo")).toEqual([conversation.id]);
    expect(await apiFinds(endUser, "flamingo")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "flamingo")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "start")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "penguin")).toEqual([]);
  });

  it("inbox search past the first thousand conversations: common words page through all, rare ones are found", async () => {
    const { ctx, owner, orgId } = await createTestOrg();
    const { conversation: old } = await createConversation(ctx, { subject: "Old", user_email: "x@example.test", description: "A lonely narwhal" });
    // 1,200 newer conversations: "common" in every second one, "sparse" in every hundredth.
    await db.execute(sql`insert into conversations (organization_id, number, subject, requester_id, last_message_at, search_document)
      select ${orgId}, 1000 + g, 'Filler ' || g, ${old.requester.id}, now() + make_interval(secs => g),
        to_tsvector('english', case when g % 100 = 0 then 'sparse common' when g % 2 = 0 then 'common' else 'other' end)
      from generate_series(1, 1200) g`);
    expect(await inboxFinds(ctx, owner.id, "narwhal")).toEqual([old.id]);
    const sparse = await listInboxConversations(ctx, owner.id, { view: "all", q: "sparse" });
    expect(sparse.items.map((i) => i.number)).toEqual([2200, 2100, 2000, 1900, 1800, 1700, 1600, 1500, 1400, 1300, 1200, 1100]);
    const numbers: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInboxConversations(ctx, owner.id, { view: "all", q: "common", cursor });
      numbers.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(numbers).toEqual(Array.from({ length: 600 }, (_, i) => 2200 - 2 * i));
  });

  it("means the same for server and client keys: words anywhere in the conversation, a phrase within one message", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Complaint", user_email: "w@example.test", description: "I want a refund" });
    const endUser: Ctx = { orgId: ctx.orgId, actor: { type: "end_user", id: conversation.requester.id, name: "w" } };
    const server: Ctx = { orgId: ctx.orgId, actor: { type: "api_key", id: owner.id, name: "server", kind: "server" } };
    await createMessage(ctx, conversation.id, { body: "The courier was rude", user_email: "w@example.test" });
    for (const caller of [server, endUser]) {
      expect(await apiFinds(caller, "refund courier")).toEqual([conversation.id]);
      expect(await apiFinds(caller, "refund -courier")).toEqual([]);
      expect(await apiFinds(caller, "\"courier was rude\"")).toEqual([conversation.id]);
      expect(await apiFinds(caller, "\"refund courier\"")).toEqual([]);
    }
  });

  it("finds a phrase deep in a long conversation, past the document's last word position", async () => {
    const { ctx } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Long thread", user_email: "l@example.test", description: "Hello" });
    const filler = (prefix: string) => Array.from({ length: 8500 }, (_, n) => `${prefix}${n.toString(36)}`).join(" ");
    await createMessage(ctx, conversation.id, { body: filler("qa"), user_email: "l@example.test" });
    await createMessage(ctx, conversation.id, { body: filler("qb"), user_email: "l@example.test" });
    await createMessage(ctx, conversation.id, { body: "My tracking label is wrong", user_email: "l@example.test" });
    expect(await apiFinds(ctx, "\"tracking label\"")).toEqual([conversation.id]);
  });

  it("finds words of messages written straight into the database, not through the app", async () => {
    const { ctx, owner } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Imported", user_email: "i@example.test", description: "Hi" });
    await db.execute(sql`insert into messages (organization_id, conversation_id, direction, type, body)
      values (${ctx.orgId}, ${conversation.id}, 'inbound', 'reply', 'Imported from the old helpdesk: ocelot')`);
    expect(await apiFinds(ctx, "ocelot")).toEqual([conversation.id]);
    expect(await inboxFinds(ctx, owner.id, "ocelot")).toEqual([conversation.id]);
  });
});

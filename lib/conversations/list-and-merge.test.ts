import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { events, messages } from "@/db/schema";
import { getEndUser, listEndUsers } from "../end-users/end-users";
import { updateEndUser } from "../end-users/update-end-user";
import { createMessage } from "../messages/create-message";
import { listMessages } from "../messages/list-messages";
import { rateConversation } from "../ratings/rate-conversation";
import { createTestOrg } from "../testing/test-org";
import { createConversation } from "./create-conversation";
import { listConversations } from "./list-conversations";
import { mergeConversation, unmergeConversation } from "./merge-conversation";
import { addTag } from "./tags";

describe("listConversations", () => {
  it("pages newest first with a total count, clamps limit to 100 and filters", async () => {
    const { ctx } = await createTestOrg();
    for (let i = 1; i <= 5; i++) {
      await createConversation(ctx, { subject: `Subject ${i}`, user_email: i % 2 ? "odd@example.test" : "even@example.test" });
    }
    const page = await listConversations(ctx, { limit: 2, offset: 1 });
    expect(page).toMatchObject({ count: 5, limit: 2, offset: 1 });
    expect(page.results.map((c) => c.subject)).toEqual(["Subject 4", "Subject 3"]);
    expect((await listConversations(ctx, { limit: 500 })).limit).toBe(100);
    expect((await listConversations(ctx, { user_email: "EVEN@example.test" })).count).toBe(2);
    expect((await listConversations(ctx, { offset: 10 })).count).toBe(5);
    expect((await listConversations(ctx, { status: "closed" })).count).toBe(0);
  });

  it("full-text q finds subjects and message bodies, and end users cannot search notes", async () => {
    const { ctx } = await createTestOrg();
    const { conversation: refund } = await createConversation(ctx, { subject: "Refund request", user_email: "a@example.test" });
    const { conversation: other } = await createConversation(ctx, { subject: "Hello", user_email: "a@example.test", description: "My parcel was damaged" });
    await createMessage(ctx, other.id, { body: "customer is a fraudster", message_type: "note" });
    await addTag(ctx, refund.id, "billing");
    expect((await listConversations(ctx, { q: "refunds" })).results.map((c) => c.id)).toEqual([refund.id]);
    expect((await listConversations(ctx, { q: "damaged parcel" })).results.map((c) => c.id)).toEqual([other.id]);
    expect((await listConversations(ctx, { q: "fraudster" })).count).toBe(1);
    const endUser = { orgId: ctx.orgId, actor: { type: "end_user" as const, id: other.requester.id, name: "a" } };
    expect((await listConversations(endUser, { q: "fraudster" })).count).toBe(0);
    expect((await listConversations(ctx, { tag: "BILLING" })).results.map((c) => c.id)).toEqual([refund.id]);
  });
});

describe("merge, rating and end users", () => {
  it("merge moves messages and closes the source; unmerge puts everything back", async () => {
    const { ctx } = await createTestOrg();
    const { conversation: source } = await createConversation(ctx, { subject: "Dup", user_email: "m@example.test", description: "first" });
    const { conversation: target } = await createConversation(ctx, { subject: "Main", user_email: "m@example.test", description: "second" });
    const merged = await mergeConversation(ctx, source.id, { into: target.id });
    expect(merged).toMatchObject({ status: "closed", merged_into_id: target.id });
    expect((await listMessages(ctx, target.id)).count).toBe(2);
    const restored = await unmergeConversation(ctx, source.id);
    expect(restored).toMatchObject({ status: "open", merged_into_id: null });
    expect((await listMessages(ctx, source.id)).results.map((m) => m.body)).toEqual(["first"]);
    const { conversation: stranger } = await createConversation(ctx, { subject: "Other", user_email: "x@example.test" });
    await expect(mergeConversation(ctx, source.id, { into: stranger.id })).rejects.toMatchObject({ status: 400 });
  });

  it("unmerge after a chained merge (A into B, then B into C) takes A's messages back from C", async () => {
    const { ctx } = await createTestOrg();
    const make = async (subject: string, body: string) =>
      (await createConversation(ctx, { subject, user_email: "chain@example.test", description: body })).conversation;
    const [a, b, c] = [await make("A", "from A"), await make("B", "from B"), await make("C", "from C")];
    await mergeConversation(ctx, a.id, { into: b.id });
    await mergeConversation(ctx, b.id, { into: c.id });
    await unmergeConversation(ctx, a.id);
    expect((await listMessages(ctx, a.id)).results.map((m) => m.body)).toEqual(["from A"]);
    expect((await listMessages(ctx, c.id)).results.map((m) => m.body).sort()).toEqual(["from B", "from C"]);
  });

  it("a rating is stored once per conversation with its event", async () => {
    const { ctx } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Rate me", user_email: "r@example.test" });
    await rateConversation(ctx, conversation.id, { score: 2 });
    const rating = await rateConversation(ctx, conversation.id, { score: 5, comment: "great" });
    expect(rating).toMatchObject({ score: 5, comment: "great", end_user_id: conversation.requester.id });
    await expect(rateConversation(ctx, conversation.id, { score: 6 })).rejects.toThrow();
    const outbox = await db.select().from(events).where(eq(events.conversationId, conversation.id));
    expect(outbox.filter((e) => e.type === "rating_created")).toHaveLength(2);
  });

  it("end users: lookup by email, attribute merge where null deletes, user_updated emitted", async () => {
    const { ctx } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Hi", user_email: "u@example.test" });
    const found = await listEndUsers(ctx, { email: "U@example.test" });
    expect(found.results.map((u) => u.id)).toEqual([conversation.requester.id]);
    await updateEndUser(ctx, conversation.requester.id, { custom_attributes: { plan: "pro", seats: 2 } });
    const user = await updateEndUser(ctx, conversation.requester.id, { first_name: "Uma", custom_attributes: { seats: null } });
    expect(user).toMatchObject({ first_name: "Uma", custom_attributes: { plan: "pro" } });
    expect(await getEndUser(ctx, conversation.requester.id)).toEqual(user);
    const updates = await db.select().from(events).where(eq(events.organizationId, ctx.orgId));
    expect(updates.filter((e) => e.type === "user_updated")).toHaveLength(2);
    const other = await createTestOrg();
    await expect(getEndUser(other.ctx, conversation.requester.id)).rejects.toMatchObject({ status: 404 });
    expect(await db.$count(messages, eq(messages.organizationId, ctx.orgId))).toBe(0);
  });
});

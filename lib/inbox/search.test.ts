import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { endUsers } from "@/db/schema";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { listInboxConversations } from "./list-conversations";
import { hasTrigramSearch, searchTokens } from "./search";

async function seedTariq() {
  const org = await createTestOrg();
  const email = "tariq.nguyen29@customer.example";
  const subjects = ["Invoice copy", "Login trouble", "Export stuck"];
  for (const subject of subjects) {
    await createConversation(org.ctx, { subject, user_email: email, user_first_name: "Tariq", user_last_name: "Nguyen", description: "Hello there" });
  }
  await createConversation(org.ctx, { subject: "Someone else", user_email: "amara@customer.example", user_first_name: "Amara", description: "No names in here" });
  await db.update(endUsers).set({ externalId: "cust_1029" }).where(and(eq(endUsers.organizationId, org.orgId), eq(endUsers.email, email)));
  return { ...org, subjects };
}

const subjectsFor = async (ctx: Awaited<ReturnType<typeof createTestOrg>>["ctx"], agentId: string, q: string) =>
  (await listInboxConversations(ctx, agentId, { view: "all", q })).items.map((i) => i.subject).sort();

describe("inbox search", () => {
  it("finds every conversation of a requester by name, partial name, full name, email or external id", async () => {
    const { ctx, owner, subjects } = await seedTariq();
    const all = [...subjects].sort();
    for (const q of ["tariq", "Tar", "nguyen", "Tariq Nguyen", "tariq.nguyen29", "tariq.nguyen29@customer.example", "cust_1029"]) {
      expect(await subjectsFor(ctx, owner.id, q), q).toEqual(all);
    }
    // A word starts the match: "tariq" does not find Amara through the name of another requester.
    expect(await subjectsFor(ctx, owner.id, "amara")).toEqual(["Someone else"]);
  });

  it("finds tokens such as 1200/min, versions and numbers inside text, and a conversation by its number", async () => {
    const { ctx, owner } = await createTestOrg();
    await createConversation(ctx, { subject: "Rate limits", description: "We hit 1200/min on the API, client v2.3.1" });
    await createConversation(ctx, { subject: "Order", description: "My order 4412 never came" });
    const { conversation } = await createConversation(ctx, { subject: "Plain", description: "nothing here" });
    expect(await subjectsFor(ctx, owner.id, "1200/min")).toEqual(["Rate limits"]);
    expect(await subjectsFor(ctx, owner.id, "1200")).toEqual(["Rate limits"]);
    expect(await subjectsFor(ctx, owner.id, "v2.3.1")).toEqual(["Rate limits"]);
    expect(await subjectsFor(ctx, owner.id, "4412")).toEqual(["Order"]);
    expect(await subjectsFor(ctx, owner.id, String(conversation.number))).toContain("Plain");
  });

  it("falls back to typo-tolerant matching when the exact search finds nothing", async () => {
    const { ctx, owner } = await createTestOrg();
    await createConversation(ctx, { subject: "Refund for damaged blender", user_email: "bob@customer.example", user_first_name: "Roberta", description: "hi" });
    await createConversation(ctx, { subject: "Unrelated", description: "hi" });
    const exact = await listInboxConversations(ctx, owner.id, { view: "all", q: "blender" });
    expect(exact.fuzzy).toBe(false);
    const typo = await listInboxConversations(ctx, owner.id, { view: "all", q: "blendr" });
    const name = await listInboxConversations(ctx, owner.id, { view: "all", q: "Robrta" });
    if (await hasTrigramSearch()) {
      expect(typo.items.map((i) => i.subject)).toEqual(["Refund for damaged blender"]);
      expect(typo.fuzzy).toBe(true);
      expect(typo.nextCursor).toBeNull();
      expect(name.items.map((i) => i.subject)).toEqual(["Refund for damaged blender"]);
    } else {
      // Without pg_trgm (the embedded PGlite) there is no fallback, and no error either.
      expect(typo.items).toEqual([]);
    }
    expect(await subjectsFor(ctx, owner.id, "zzqxv")).toEqual([]);
  });

  it("splits what was typed into tokens, keeping punctuation inside a token", () => {
    expect(searchTokens('  "1200/min"  tariq.nguyen@x.io, v2.3.1 ')).toEqual(["1200/min", "tariq.nguyen@x.io", "v2.3.1"]);
  });
});

describe("inbox search, mixed", () => {
  it("matches some words in the requester and the others in the messages", async () => {
    const { ctx, owner } = await createTestOrg();
    await createConversation(ctx, { subject: "Limits", user_email: "t@customer.example", user_first_name: "Tariq", description: "We hit 1200/min" });
    await createConversation(ctx, { subject: "Other", user_email: "t@customer.example", user_first_name: "Tariq", description: "Fine" });
    await createConversation(ctx, { subject: "Not him", user_email: "x@customer.example", user_first_name: "Xena", description: "We hit 1200/min" });
    expect(await subjectsFor(ctx, owner.id, "tariq 1200/min")).toEqual(["Limits"]);
  });
});

describe("inbox search, a word shared by too many requesters", () => {
  it("searches it in the text only, so it never tests rows against thousands of requesters", async () => {
    const { ctx, owner } = await createTestOrg();
    const { MAX_REQUESTERS } = await import("./search");
    await db.insert(endUsers).values(
      Array.from({ length: MAX_REQUESTERS + 1 }, (_, i) => ({ organizationId: ctx.orgId, email: `crowd${i}@crowd.example`, firstName: "Crowd" })),
    );
    await createConversation(ctx, { subject: "Hello from one", user_email: "crowd0@crowd.example", description: "hello" });
    await createConversation(ctx, { subject: "Crowd control", user_email: "solo@else.example", description: "hello" });
    expect(await subjectsFor(ctx, owner.id, "crowd")).toEqual(["Crowd control"]);
    expect(await subjectsFor(ctx, owner.id, "crowd0")).toEqual(["Hello from one"]);
  });
});

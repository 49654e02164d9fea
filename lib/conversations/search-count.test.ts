import { afterEach, describe, expect, it } from "vitest";
import { callRoute } from "../api/testing/call-route";
import type { Ctx } from "../context";
import { createTestOrg } from "../testing/test-org";
import { createConversation } from "./create-conversation";
import { listConversations } from "./list-conversations";
import * as route from "@/app/api/v1/conversations/route";

/** `n` conversations whose description holds `word`, created oldest first: "Case 1" … "Case n". */
async function seed(ctx: Ctx, word: string, n: number, from = 1) {
  for (let i = from; i < from + n; i++) await createConversation(ctx, { subject: `Case ${i}`, user_email: "s@example.test", description: `about the ${word} ${i}` });
}
const subjects = (page: { results: { subject: string }[] }) => page.results.map((c) => c.subject);

describe("search count: exact up to the cap, a lower bound past it", () => {
  afterEach(() => {
    delete process.env.DEXRA_SEARCH_COUNT_CAP;
  });

  it("counts exactly at and below the cap", async () => {
    const { ctx } = await createTestOrg();
    await seed(ctx, "walrus", 5);
    await createConversation(ctx, { subject: "Other", user_email: "s@example.test", description: "no match here" });
    expect(await listConversations(ctx, { q: "walrus", limit: 2 }, { countCap: 5 })).toMatchObject({ count: 5, countExact: true });
    expect(await listConversations(ctx, { q: "walrus", limit: 2 }, { countCap: 100 })).toMatchObject({ count: 5, countExact: true });
    expect(await listConversations(ctx, { q: "nomatchword" }, { countCap: 5 })).toMatchObject({ count: 0, countExact: true, results: [] });
  });

  it("past the cap stops counting: `count` is one past the cap (or past the page asked for) and not exact", async () => {
    const { ctx } = await createTestOrg();
    await seed(ctx, "walrus", 6);
    const first = await listConversations(ctx, { q: "walrus", limit: 2 }, { countCap: 3 });
    expect(first).toMatchObject({ count: 4, countExact: false });
    expect(subjects(first)).toEqual(["Case 6", "Case 5"]);
    // A page past the cap: counting goes one past that page, so a further page is still announced.
    const deep = await listConversations(ctx, { q: "walrus", limit: 2, offset: 3 }, { countCap: 3 });
    expect(deep).toMatchObject({ count: 6, countExact: false });
    expect(subjects(deep)).toEqual(["Case 3", "Case 2"]);
    // The last page: every match has been counted, so the count is exact again.
    const last = await listConversations(ctx, { q: "walrus", limit: 2, offset: 4 }, { countCap: 3 });
    expect(last).toMatchObject({ count: 6, countExact: true });
    expect(subjects(last)).toEqual(["Case 2", "Case 1"]);
  });

  it("reads the page from the newest rows for a common word, through the GIN indexes for a rare one: same answers", async () => {
    const { ctx } = await createTestOrg();
    await seed(ctx, "narwhal", 3);
    await seed(ctx, "walrus", 6, 4);
    // A window of 4 rows: "walrus" fills a page of 2 there; "narwhal" (only in the 3 oldest) does not.
    for (const searchWindow of [4, 1000]) {
      expect(subjects(await listConversations(ctx, { q: "walrus", limit: 2 }, { searchWindow }))).toEqual(["Case 9", "Case 8"]);
      expect(subjects(await listConversations(ctx, { q: "walrus", limit: 2, offset: 3 }, { searchWindow }))).toEqual(["Case 6", "Case 5"]);
      const rare = await listConversations(ctx, { q: "narwhal", limit: 2, offset: 1 }, { searchWindow });
      expect(rare).toMatchObject({ count: 3, countExact: true });
      expect(subjects(rare)).toEqual(["Case 2", "Case 1"]);
    }
  });

  it("the API answers `count_exact` and keeps `next` right past the cap (DEXRA_SEARCH_COUNT_CAP)", async () => {
    const { ctx, serverKey } = await createTestOrg();
    await seed(ctx, "walrus", 4);
    process.env.DEXRA_SEARCH_COUNT_CAP = "2";
    const get = async (query: string) => (await callRoute(route.GET, "GET", `/api/v1/conversations/?${query}`, { key: serverKey })).body;
    const capped = await get("q=walrus&limit=2");
    expect(capped).toMatchObject({ count: 3, count_exact: false });
    expect(capped.results).toHaveLength(2);
    expect(capped.next).toContain("offset=2");
    const end = await get("q=walrus&limit=2&offset=2");
    expect(end).toMatchObject({ count: 4, count_exact: true, next: null });
    expect(await get("limit=1")).toMatchObject({ count: 4, count_exact: true });
  });
});

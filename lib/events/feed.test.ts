import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createTestOrg } from "../testing/test-org";
import { eventually } from "../testing/webhook-receiver";
import { listEvents } from "./feed";
import { emitEvent } from "./record";

const emit = (ctx: Parameters<typeof emitEvent>[1], n: number) => db.transaction((tx) => emitEvent(tx, ctx, "user_updated", { n }));

describe("events feed", () => {
  it("pages oldest first with an opaque cursor, per organization", async () => {
    const { ctx } = await createTestOrg();
    const other = await createTestOrg();
    for (let n = 1; n <= 5; n++) await emit(ctx, n);
    await emit(other.ctx, 99);
    const first = await eventually(async () => {
      const page = await listEvents(ctx, { limit: 2 });
      expect(page.results).toHaveLength(2);
      return page;
    });
    expect(first.results.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(first.results[0]).toMatchObject({ type: "user_updated", organization_id: ctx.orgId, id: expect.any(String), created_at: expect.any(String) });
    expect(first.has_more).toBe(true);
    const second = await listEvents(ctx, { after: first.next_cursor!, limit: 2 });
    const third = await listEvents(ctx, { after: second.next_cursor!, limit: 2 });
    expect([...second.results, ...third.results].map((e) => e.data)).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }]);
    expect(third.has_more).toBe(false);
    const empty = await listEvents(ctx, { after: third.next_cursor! });
    expect(empty).toEqual({ results: [], next_cursor: third.next_cursor, has_more: false });
    await expect(listEvents(ctx, { after: "garbage" })).rejects.toThrow(/cursor/);
    await expect(listEvents(ctx, { after: `${"9".repeat(20)}_1` })).rejects.toThrow(/cursor/);
    await expect(listEvents(ctx, { after: `1_${"9".repeat(19)}` })).rejects.toThrow(/cursor/);
  });

  it("never skips a transaction that commits after a later one: the cursor waits for it", async () => {
    const { ctx } = await createTestOrg();
    await emit(ctx, 0);
    const start = await eventually(async () => {
      const page = await listEvents(ctx);
      expect(page.results).toHaveLength(1);
      return page.next_cursor!;
    });

    let commit!: () => void;
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const slow = db.transaction(async (tx) => {
      await emitEvent(tx, ctx, "user_updated", { n: 1 });
      written();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await wrote;
    await emit(ctx, 2); // commits first, although its event was written second
    const whileOpen = await listEvents(ctx, { after: start });
    expect(whileOpen.results).toEqual([]);
    expect(whileOpen.next_cursor).toBe(start);

    commit();
    await slow;
    await eventually(async () => expect((await listEvents(ctx, { after: whileOpen.next_cursor! })).results.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]));
  });
});

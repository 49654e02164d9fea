import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { createConversation } from "../conversations/create-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { createTestOrg } from "../testing/test-org";
import { eventually } from "../testing/webhook-receiver";
import { retentionIntervalMs, startRetentionTimer, updateRetention } from "./retention";

// The timer the worker starts (its own file: the timer lives as long as this test process).
describe("the retention timer", () => {
  it("runs a pass as soon as it starts, then again every interval", async () => {
    const org = await createTestOrg();
    await updateRetention(org.ctx, { anonymize_closed_after_days: 30 });
    const closedDaysAgo = async (subject: string, days: number) => {
      const { conversation } = await createConversation(org.ctx, { subject, user_email: `${subject.replace(/\W/g, "").toLowerCase()}@example.test` });
      await updateConversation(org.ctx, conversation.id, { status: "closed" });
      await rows(sql`update conversations set resolved_at = now() - make_interval(days => ${days}) where id = ${conversation.id}`);
      return conversation.id;
    };
    const subject = async (id: string) => (await rows<{ subject: string }>(sql`select subject from conversations where id = ${id}`))[0]!.subject;
    const due = await closedDaysAgo("Due at start", 45);
    const notYet = await closedDaysAgo("Not yet due", 20);

    // The pass at start: a worker restarted more often than the interval still anonymizes what is due.
    await startRetentionTimer(200, [org.orgId]);
    expect(await subject(due)).toBe("[anonymized]");
    expect(await subject(notYet)).toBe("Not yet due");

    // Eleven days later (moved back in time), the next tick of the interval takes it.
    await rows(sql`update conversations set resolved_at = now() - interval '31 days' where id = ${notYet}`);
    await eventually(async () => expect(await subject(notYet)).toBe("[anonymized]"));
  });

  it("reads its interval as a positive number of milliseconds; an empty or unreadable value is the default, never a 1 ms loop", () => {
    expect(retentionIntervalMs("250")).toBe(250);
    for (const bad of ["", " ", "10m", "0", "-5", "1.5"]) expect(retentionIntervalMs(bad)).toBe(10 * 60_000);
    expect(retentionIntervalMs(undefined)).toBe(10 * 60_000);
  });
});

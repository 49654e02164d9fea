import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { automationJobs } from "@/db/schema";
import { createConversation } from "../conversations/create-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { describeActivity } from "../inbox/activity-wording";
import { createTestOrg } from "../testing/test-org";
import { createAutomationRule } from "./manage-rules";
import { claimAutomationJobs, completeAutomationJob, failAutomationJob, MAX_JOB_ATTEMPTS, releaseAutomationJobs } from "./queue";
import { jobsOf } from "./testing";

async function orgWithTwoJobs() {
  const org = await createTestOrg();
  await createAutomationRule(org.ctx, { name: "Any", event: "conversation_created", actions: [{ type: "set_priority", priority: "high" }] });
  await createAutomationRule(org.ctx, { name: "Any change", event: "status_changed", actions: [{ type: "set_priority", priority: "low" }] });
  const { conversation } = await createConversation(org.ctx, { subject: "Jobs", user_email: "a@example.test" });
  await updateConversation(org.ctx, conversation.id, { status: "pending" });
  return { ...org, conversationId: conversation.id };
}

describe("automation job lifecycle", () => {
  it("a leased job is not claimed twice; an expired lease is claimed again; a conversation's jobs run one at a time in order", async () => {
    const { orgId } = await orgWithTwoJobs();
    const [first, ...others] = await claimAutomationJobs(10, 60_000, [orgId]);
    expect(first).toMatchObject({ event: "conversation_created", attempts: 1 });
    expect(others).toEqual([]); // the status_changed job waits for the created one
    expect(await claimAutomationJobs(10, 60_000, [orgId])).toEqual([]);
    // The lease runs out (set in the row rather than slept through: a 50 ms lease could also run out before the
    // check above on a loaded machine).
    await db.update(automationJobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(automationJobs.id, Number(first!.id)));
    const [again] = await claimAutomationJobs(10, 60_000, [orgId]);
    expect(again).toMatchObject({ id: first!.id, attempts: 2 });
    await completeAutomationJob(first!); // the stale lease completes nothing
    await releaseAutomationJobs([first!]); // nor hands back the lease another worker now holds
    expect(await claimAutomationJobs(10, 60_000, [orgId])).toEqual([]);
    expect(await jobsOf(orgId)).toHaveLength(2);
    await completeAutomationJob(again!);
    const [next] = await claimAutomationJobs(10, 60_000, [orgId]);
    expect(next).toMatchObject({ event: "status_changed" });
  });

  it("a failing job is retried later, and after the last attempt stays failed with its error without blocking the next", async () => {
    const { orgId } = await orgWithTwoJobs();
    const [job] = await claimAutomationJobs(1, 60_000, [orgId]);
    await failAutomationJob(job!, new Error("database hiccup"));
    const [row] = await db.select().from(automationJobs).where(eq(automationJobs.id, Number(job!.id)));
    expect(row).toMatchObject({ lastError: "database hiccup", lockedUntil: null, failedAt: null });
    expect(row!.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await claimAutomationJobs(10, 60_000, [orgId])).toEqual([]); // not due yet, and it still holds the line

    await db.update(automationJobs).set({ runAfter: new Date(0), attempts: MAX_JOB_ATTEMPTS - 1 }).where(eq(automationJobs.id, Number(job!.id)));
    const [last] = await claimAutomationJobs(1, 60_000, [orgId]);
    expect(last!.attempts).toBe(MAX_JOB_ATTEMPTS);
    await failAutomationJob(last!, new Error("still broken"));
    const [failed] = await db.select().from(automationJobs).where(eq(automationJobs.id, Number(job!.id)));
    expect(failed!.failedAt).not.toBeNull();
    const [next] = await claimAutomationJobs(10, 60_000, [orgId]);
    expect(next).toMatchObject({ event: "status_changed" });
  });

  it("the inbox words a run as the rule did it", () => {
    const activity = { id: "1", action: "automation_ran", actor: { type: "system", id: null, name: "Automation “Refunds”" }, data: { actions: ["assigned it to Ann", "added tag refund"] }, created_at: "" };
    expect(describeActivity(activity)).toEqual({ who: "Automation “Refunds”", what: "assigned it to Ann; added tag refund" });
  });
});

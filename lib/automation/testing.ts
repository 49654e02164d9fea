import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { activities, automationJobs } from "@/db/schema";
import { claimAutomationJobs, completeAutomationJob, failAutomationJob } from "./queue";
import { runAutomationJob } from "./run-job";

/** Runs an organization's queued jobs to the end through the real queue (claim, run, complete), without a timer. */
export async function drainAutomationJobs(orgId: string) {
  for (let round = 0; round < 100; round++) {
    const jobs = await claimAutomationJobs(10, 60_000, [orgId]);
    if (!jobs.length) return;
    for (const job of jobs) {
      try {
        await runAutomationJob(job);
        await completeAutomationJob(job);
      } catch (error) {
        await failAutomationJob(job, error);
        throw error;
      }
    }
  }
  throw new Error("automation jobs kept coming: a loop?");
}

export const jobsOf = (orgId: string) => db.select().from(automationJobs).where(eq(automationJobs.organizationId, orgId));

/** The `automation_ran` rows of a conversation, oldest first. */
export const automationRuns = (orgId: string, conversationId: string) =>
  db
    .select()
    .from(activities)
    .where(and(eq(activities.organizationId, orgId), eq(activities.conversationId, conversationId), eq(activities.action, "automation_ran")))
    .orderBy(asc(activities.seq));

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import { updateConversation } from "../conversations/update-conversation";
import { createReportsOrg, customerConversation } from "../reports/testing";
import { createSlaPolicy, listSlaPolicies, updateSlaPolicy } from "./manage-policies";

const MIN = 60_000;
const firstDue = async (id: string) => {
  const [row] = await db.select({ due: conversations.firstResponseDueAt, createdAt: conversations.createdAt }).from(conversations).where(eq(conversations.id, id));
  return row!.due!.getTime() - row!.createdAt.getTime();
};

describe("editing an SLA policy", () => {
  it("changes its targets in place and moves the open conversations' due times with it", async () => {
    const org = await createReportsOrg();
    const policy = await createSlaPolicy(org.ctx, { name: "Urgent", priority: "urgent", first_response_minutes: "30", business_hours: false });
    const c = await customerConversation(org.ctx, "Urgent one");
    await updateConversation(org.ctx, c.id, { priority: "urgent" });
    expect(await firstDue(c.id)).toBe(30 * MIN);

    await updateSlaPolicy(org.ctx, { id: policy.id, name: "Urgent (faster)", priority: "urgent", first_response_minutes: "15", business_hours: false });
    expect(await firstDue(c.id)).toBe(15 * MIN);
    const listed = await listSlaPolicies(org.ctx);
    expect(listed.map(({ policy: p }) => [p.id, p.name, p.firstResponseSeconds])).toEqual([[policy.id, "Urgent (faster)", 15 * 60]]);
  });

  it("refuses another organization, a plain agent and a policy left without targets, changing nothing", async () => {
    const org = await createReportsOrg();
    const other = await createReportsOrg();
    const policy = await createSlaPolicy(org.ctx, { name: "Mine", first_response_minutes: "5" });
    await expect(updateSlaPolicy(other.ctx, { id: policy.id, name: "Taken", first_response_minutes: "1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSlaPolicy(org.agentCtx, { id: policy.id, name: "Agent", first_response_minutes: "1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSlaPolicy(org.ctx, { id: policy.id, name: "No target" })).rejects.toMatchObject({ code: "validation_error" });
    const listed = await listSlaPolicies(org.ctx);
    expect(listed.map(({ policy: p }) => [p.name, p.firstResponseSeconds])).toEqual([["Mine", 300]]);
  });
});

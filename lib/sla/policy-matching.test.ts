import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversations, tags } from "@/db/schema";
import { assignConversation } from "../conversations/assign-conversation";
import { addTag, removeTag } from "../conversations/tags";
import { createReportsOrg, customerConversation } from "../reports/testing";
import { createTeam } from "../teams/manage-teams";
import { createSlaPolicy } from "./manage-policies";

const MIN = 60_000;
/** Minutes from creation to the first-response due time, and the policy that set it. */
async function firstResponseTarget(id: string) {
  const [c] = await db.select().from(conversations).where(eq(conversations.id, id));
  return { minutes: c!.firstResponseDueAt ? (c!.firstResponseDueAt.getTime() - c!.createdAt.getTime()) / MIN : null, policy: c!.slaPolicyId };
}

describe("which SLA policy a conversation gets", () => {
  it("per tag and per team, the first matching policy by position; due times move when the tag or team changes", async () => {
    const org = await createReportsOrg();
    const billing = await createTeam(org.ctx, { name: "Billing" });
    // The tag exists before the policy names it.
    const seed = await customerConversation(org.ctx, "Seeds the tag");
    await addTag(org.ctx, seed.id, "vip");
    const [vip] = await db.select().from(tags).where(and(eq(tags.organizationId, org.orgId), eq(tags.name, "vip")));
    const vipPolicy = await createSlaPolicy(org.ctx, { name: "VIP", tag_id: vip!.id, first_response_minutes: "10", position: "1" });
    const teamPolicy = await createSlaPolicy(org.ctx, { name: "Billing", team_id: billing.id, first_response_minutes: "60", position: "2" });
    const everyone = await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "240", position: "3" });

    const plain = await customerConversation(org.ctx, "Plain");
    expect(await firstResponseTarget(plain.id)).toEqual({ minutes: 240, policy: everyone.id });

    await assignConversation(org.ctx, plain.id, { team: billing.id });
    expect(await firstResponseTarget(plain.id)).toEqual({ minutes: 60, policy: teamPolicy.id });

    // Tagged vip and in Billing: both match, the one listed first applies.
    await addTag(org.ctx, plain.id, "VIP");
    expect(await firstResponseTarget(plain.id)).toEqual({ minutes: 10, policy: vipPolicy.id });

    await removeTag(org.ctx, plain.id, "vip");
    expect(await firstResponseTarget(plain.id)).toEqual({ minutes: 60, policy: teamPolicy.id });
    await assignConversation(org.ctx, plain.id, { team: null });
    expect(await firstResponseTarget(plain.id)).toEqual({ minutes: 240, policy: everyone.id });
  });
});

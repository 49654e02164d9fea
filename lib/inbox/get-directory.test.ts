import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations, teams } from "@/db/schema";
import { createTestOrg } from "../testing/test-org";
import { getInboxDirectory } from "./get-directory";
import { countInboxViews } from "./view-counts";

describe("getInboxDirectory", () => {
  it("offers the live organization's agents and teams while the sandbox is shown", async () => {
    const { ctx, owner, orgId } = await createTestOrg();
    await db.insert(teams).values({ organizationId: orgId, name: "Support" });
    const [sandbox] = await db.select().from(organizations).where(eq(organizations.sandboxOfId, orgId));
    const sandboxCtx = { ...ctx, orgId: sandbox!.id };
    const directory = await getInboxDirectory(sandboxCtx, owner.id);
    expect(directory.agents.map((a) => a.id)).toEqual([owner.id]);
    expect(directory.teams.map((t) => t.name)).toEqual(["Support"]);
    expect((await countInboxViews(sandboxCtx, owner.id)).teams).toEqual([expect.objectContaining({ name: "Support", count: 0 })]);
  });
});

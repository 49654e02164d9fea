import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLogs, tags } from "@/db/schema";
import { runSettingsAction } from "../settings/run-action";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { createTag, deleteTag, listTagsWithUsage, updateTag } from "./manage-tags";

describe("tags settings", () => {
  it("an admin creates, renames and deletes a tag, each change audited", async () => {
    const org = await createSettingsOrg();
    const tag = await createTag(org.admin.ctx, { name: "VIP", color: "#ff0000" });
    await updateTag(org.admin.ctx, { id: tag.id, name: "Very important", color: "#00ff00" });
    expect(await listTagsWithUsage(org.admin.ctx)).toMatchObject([{ name: "Very important", color: "#00ff00", conversations: 0 }]);
    await deleteTag(org.admin.ctx, { id: tag.id });
    expect(await listTagsWithUsage(org.admin.ctx)).toEqual([]);
    const audit = await db.select().from(auditLogs).where(eq(auditLogs.organizationId, org.orgId));
    expect(audit.map((a) => a.action).sort()).toEqual(["tag.created", "tag.deleted", "tag.updated"]);
    expect(audit[0]).toMatchObject({ actorAgentId: org.admin.agent.id, targetType: "tag" });
  });

  it("refuses a plain agent, a duplicate name, bad input and another organization's tag, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const theirs = await createTag(other.admin.ctx, { name: "Theirs", color: "#123456" });
    await createTag(org.admin.ctx, { name: "Billing", color: "#123456" });
    const before = await auditCount(org.orgId);

    await expect(createTag(org.agent.ctx, { name: "Nope", color: "#123456" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createTag(org.admin.ctx, { name: "nul\u0000byte", color: "#123456" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(createTag(org.admin.ctx, { name: "billing", color: "#123456" })).rejects.toMatchObject({ code: "validation_error", details: [{ path: ["name"] }] });
    await expect(createTag(org.admin.ctx, { name: "", color: "red" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(updateTag(org.admin.ctx, { id: theirs.id, name: "Mine now", color: "#000000" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteTag(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });

    expect((await listTagsWithUsage(org.admin.ctx)).map((t) => t.name)).toEqual(["Billing"]);
    expect((await db.select().from(tags).where(eq(tags.id, theirs.id)))[0]).toMatchObject({ name: "Theirs" });
    expect(await auditCount(org.orgId)).toBe(before);
  });

  it("the action runner refuses an agent session with not found and turns field errors into form state", async () => {
    const org = await createSettingsOrg();
    const agentSession = await org.session(org.agent.agent.id);
    await expect(
      runSettingsAction(agentSession, { role: "admin", run: (s) => createTag(s.ctx, { name: "Sneaky", color: "#111111" }) }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(runSettingsAction(null, { role: "admin", run: async () => 1 })).rejects.toMatchObject({ code: "unauthorized" });
    const adminSession = await org.session(org.admin.agent.id);
    const state = await runSettingsAction(adminSession, { role: "admin", run: (s) => createTag(s.ctx, { name: "", color: "#111111" }) });
    expect(state).toMatchObject({ status: "error", fieldErrors: { name: "name is required" } });
    expect(await listTagsWithUsage(org.admin.ctx)).toEqual([]);
  });
});

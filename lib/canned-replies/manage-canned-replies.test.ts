import { describe, expect, it } from "vitest";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from "./manage-canned-replies";
import { renderCannedReply } from "./placeholders";

describe("canned replies", () => {
  it("shared replies are seen by everyone, personal ones only by their author", async () => {
    const org = await createSettingsOrg();
    const shared = await createCannedReply(org.admin.ctx, { title: "Hi", shortcut: "Hi", body: "Hi {{requester.first_name}}", shared: "on" });
    await createCannedReply(org.admin.ctx, { title: "Mine", shortcut: "mine", body: "Personal" });
    expect(shared.shortcut).toBe("hi");
    expect((await listCannedReplies(org.admin.ctx)).map((r) => r.shortcut)).toEqual(["hi", "mine"]);
    expect((await listCannedReplies(org.ownerCtx)).map((r) => r.shortcut)).toEqual(["hi"]);
    await updateCannedReply(org.admin.ctx, { id: shared.id, title: "Hello", shortcut: "hello", body: "Hello {{ requester.first_name }}!", shared: true });
    expect(renderCannedReply((await listCannedReplies(org.ownerCtx))[0]!.body, { "requester.first_name": "Ada" })).toBe("Hello Ada!");
    await deleteCannedReply(org.ownerCtx, { id: shared.id });
    expect((await listCannedReplies(org.admin.ctx)).map((r) => r.shortcut)).toEqual(["mine"]);
  });

  it("refuses a plain agent, unknown placeholders, taken shortcuts, others' personal and foreign replies", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const theirs = await createCannedReply(other.admin.ctx, { title: "T", shortcut: "t", body: "B", shared: true });
    const personal = await createCannedReply(org.admin.ctx, { title: "P", shortcut: "p", body: "B" });
    await createCannedReply(org.admin.ctx, { title: "S", shortcut: "s", body: "B", shared: true });
    const before = await auditCount(org.orgId);
    const base = { title: "X", body: "B", shared: true };
    await expect(createCannedReply(org.agent.ctx, { ...base, shortcut: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createCannedReply(org.admin.ctx, { ...base, shortcut: "x", body: "Hi {{requester.password}}" })).rejects.toMatchObject({ details: [{ path: ["body"] }] });
    await expect(createCannedReply(org.admin.ctx, { ...base, shortcut: "s" })).rejects.toMatchObject({ details: [{ path: ["shortcut"] }] });
    await expect(createCannedReply(org.admin.ctx, { ...base, shortcut: "has space" })).rejects.toMatchObject({ details: [{ path: ["shortcut"] }] });
    await expect(updateCannedReply(org.ownerCtx, { ...base, id: personal.id, shortcut: "p" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCannedReply(org.ownerCtx, { id: personal.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCannedReply(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listCannedReplies(org.admin.ctx)).map((r) => r.shortcut)).toEqual(["p", "s"]);
    expect(await listCannedReplies(other.admin.ctx)).toHaveLength(1);
    expect(await auditCount(org.orgId)).toBe(before);
  });
});

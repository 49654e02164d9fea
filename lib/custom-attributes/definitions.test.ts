import { describe, expect, it } from "vitest";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { createDefinition, deleteDefinition, listDefinitions, updateDefinition } from "./definitions";

describe("custom attribute definitions", () => {
  it("an admin defines a select from form input, edits its options and deletes it", async () => {
    const org = await createSettingsOrg();
    const def = await createDefinition(org.admin.ctx, { entity: "end_user", key: "plan", label: "Plan", type: "select", options: "free\npro\n\npro", required: "on" });
    expect(def).toMatchObject({ options: ["free", "pro"], required: true });
    await updateDefinition(org.admin.ctx, { id: def.id, label: "Pricing plan", options: ["free", "pro", "enterprise"] });
    expect(await listDefinitions(org.admin.ctx)).toMatchObject([{ key: "plan", label: "Pricing plan", options: ["free", "pro", "enterprise"], required: false }]);
    const text = await createDefinition(org.admin.ctx, { entity: "conversation", key: "order_id", label: "Order", type: "text", options: "ignored" });
    expect(text.options).toEqual([]);
    await deleteDefinition(org.admin.ctx, { id: def.id });
    expect((await listDefinitions(org.admin.ctx)).map((d) => d.key)).toEqual(["order_id"]);
  });

  it("refuses a plain agent, bad keys, selects without options, duplicates and foreign ids, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const theirs = await createDefinition(other.admin.ctx, { entity: "conversation", key: "x", label: "X", type: "number" });
    await createDefinition(org.admin.ctx, { entity: "conversation", key: "order_id", label: "Order", type: "text" });
    const before = await auditCount(org.orgId);
    const base = { entity: "conversation", label: "L", type: "text" };
    await expect(createDefinition(org.agent.ctx, { ...base, key: "k" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createDefinition(org.admin.ctx, { ...base, key: "Bad Key" })).rejects.toMatchObject({ details: [{ path: ["key"] }] });
    await expect(createDefinition(org.admin.ctx, { ...base, key: "k", type: "color" })).rejects.toMatchObject({ details: [{ path: ["type"] }] });
    await expect(createDefinition(org.admin.ctx, { ...base, key: "k", type: "select", options: "" })).rejects.toMatchObject({ details: [{ path: ["options"] }] });
    await expect(createDefinition(org.admin.ctx, { ...base, key: "order_id" })).rejects.toMatchObject({ details: [{ path: ["key"] }] });
    await expect(updateDefinition(org.admin.ctx, { id: theirs.id, label: "Mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDefinition(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listDefinitions(org.admin.ctx)).map((d) => d.key)).toEqual(["order_id"]);
    expect(await listDefinitions(other.admin.ctx)).toMatchObject([{ label: "X" }]);
    expect(await auditCount(org.orgId)).toBe(before);
  });
});

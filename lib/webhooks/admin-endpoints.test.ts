import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listWebhookEndpoints } from "./endpoints";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import {
  createWebhookFromSettings,
  deleteWebhookFromSettings,
  revealWebhookSecret,
  rotateWebhookSecretFromSettings,
  sendTestEventFromSettings,
  updateWebhookFromSettings,
} from "./admin-endpoints";

const form = { url: "https://hooks.example.test/dexra", events: ["conversation_created", "message_in"], enabled: "on" };

describe("webhooks from the settings pages", () => {
  it("an admin adds an endpoint from form input, reveals and rotates its secret, tests and deletes it, all audited", async () => {
    const org = await createSettingsOrg();
    const created = await createWebhookFromSettings(org.admin.ctx, form);
    expect(created).toMatchObject({ events: ["conversation_created", "message_in"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    expect(await revealWebhookSecret(org.admin.ctx, { id: created.id })).toEqual({ secret: created.secret });
    const rotated = await rotateWebhookSecretFromSettings(org.admin.ctx, { id: created.id, graceHours: "24" });
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).toBeTruthy();
    await updateWebhookFromSettings(org.admin.ctx, { ...form, id: created.id, events: ["*"], enabled: undefined });
    expect((await listWebhookEndpoints(org.admin.ctx)).results).toMatchObject([{ events: ["*"], enabled: false }]);
    await updateWebhookFromSettings(org.admin.ctx, { ...form, id: created.id });
    expect(await sendTestEventFromSettings(org.admin.ctx, { id: created.id })).toMatchObject({ event_type: "webhook_test", status: "pending" });
    await deleteWebhookFromSettings(org.admin.ctx, { id: created.id });
    expect((await listWebhookEndpoints(org.admin.ctx)).count).toBe(0);
    expect(await auditCount(org.orgId)).toBe(7);
  });

  it("refuses a plain agent, bad input and another organization's endpoint, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const theirs = await createWebhookFromSettings(other.admin.ctx, form);
    const before = await auditCount(org.orgId);
    await expect(createWebhookFromSettings(org.agent.ctx, form)).rejects.toMatchObject({ code: "not_found" });
    await expect(revealWebhookSecret(org.agent.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createWebhookFromSettings(org.admin.ctx, { ...form, url: "ftp://x" })).rejects.toMatchObject({ details: [{ path: ["url"] }] });
    await expect(createWebhookFromSettings(org.admin.ctx, { ...form, events: [] })).rejects.toMatchObject({ details: [{ path: ["events"] }] });
    await expect(createWebhookFromSettings(org.admin.ctx, { ...form, events: ["everything"] })).rejects.toMatchObject({ code: "validation_error" });
    await expect(revealWebhookSecret(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(rotateWebhookSecretFromSettings(org.admin.ctx, { id: theirs.id, graceHours: 0 })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateWebhookFromSettings(org.admin.ctx, { ...form, id: theirs.id, enabled: undefined })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteWebhookFromSettings(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listWebhookEndpoints(org.admin.ctx)).count).toBe(0);
    expect((await listWebhookEndpoints(other.admin.ctx)).results).toMatchObject([{ id: theirs.id, enabled: true }]);
    expect(await revealWebhookSecret(other.admin.ctx, { id: theirs.id })).toEqual({ secret: theirs.secret });
    expect(await auditCount(org.orgId)).toBe(before);
  });

  it("keeps no endpoint when its audit row cannot be written: the change and its audit row commit together", async () => {
    const org = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    // An admin removed while their form was in flight: the audit row's actor no longer exists.
    const gone = { ...org.admin.ctx, actor: { type: "agent" as const, id: randomUUID(), name: "Gone Admin", email: "gone@example.test", role: "admin" as const } };
    await expect(createWebhookFromSettings(gone, form)).rejects.toThrow();
    expect((await listWebhookEndpoints(org.admin.ctx)).count).toBe(0);
    expect(await auditCount(org.orgId)).toBe(before);
  });
});

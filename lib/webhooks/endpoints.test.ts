import { afterEach, describe, expect, it } from "vitest";
import { createTestOrg } from "../testing/test-org";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint } from "./endpoints";

afterEach(() => {
  delete process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE;
});

describe("webhook endpoints", () => {
  it("returns the whsec_ secret once, at creation, and never in reads", async () => {
    const { ctx } = await createTestOrg();
    const created = await createWebhookEndpoint(ctx, { url: "https://8.8.8.8/hooks", events: ["message_in", "message_in", "rating_created"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({ url: "https://8.8.8.8/hooks", events: ["message_in", "rating_created"], enabled: true, disabled_reason: null });
    const read = await getWebhookEndpoint(ctx, created.id);
    expect(read).not.toHaveProperty("secret");
    expect(JSON.stringify(await listWebhookEndpoints(ctx))).not.toContain(created.secret);
  });

  it("keeps endpoints per organization: another organization gets 404", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    const created = await createWebhookEndpoint(a.ctx, { url: "https://8.8.8.8/a" });
    await expect(getWebhookEndpoint(b.ctx, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateWebhookEndpoint(b.ctx, created.id, { enabled: false })).rejects.toMatchObject({ status: 404 });
    await expect(deleteWebhookEndpoint(b.ctx, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(getWebhookEndpoint(b.ctx, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    expect((await listWebhookEndpoints(b.ctx)).count).toBe(0);
  });

  it("validates url and events", async () => {
    const { ctx } = await createTestOrg();
    await expect(createWebhookEndpoint(ctx, { url: "ftp://8.8.8.8/x" })).rejects.toThrow(/http or https/);
    await expect(createWebhookEndpoint(ctx, { url: "https://8.8.8.8/x", events: [] })).rejects.toThrow(/at least one/);
    await expect(createWebhookEndpoint(ctx, { url: "https://8.8.8.8/x", events: ["bogus" as never] })).rejects.toThrow();
    const wildcard = await createWebhookEndpoint(ctx, { url: "https://8.8.8.8/x", events: ["message_in", "*"] });
    expect(wildcard.events).toEqual(["*"]);
  });

  it.each(["http://localhost:8080/hook", "http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "http://[::1]/"])(
    "refuses %s without DEXRA_WEBHOOK_ALLOW_PRIVATE, at registration and on update",
    async (url) => {
      const { ctx } = await createTestOrg();
      await expect(createWebhookEndpoint(ctx, { url })).rejects.toMatchObject({ code: "validation_error", message: expect.stringMatching(/public address/) });
      const ok = await createWebhookEndpoint(ctx, { url: "https://8.8.8.8/hook" });
      await expect(updateWebhookEndpoint(ctx, ok.id, { url })).rejects.toMatchObject({ code: "validation_error" });
      process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
      await expect(createWebhookEndpoint(ctx, { url })).resolves.toMatchObject({ url: expect.any(String) });
    },
  );

  it("re-enabling clears the automatic disable reason; updates reject unknown fields", async () => {
    const { ctx } = await createTestOrg();
    const created = await createWebhookEndpoint(ctx, { url: "https://8.8.8.8/hook", description: "CRM sync" });
    await expect(updateWebhookEndpoint(ctx, created.id, { secret: "x" } as never)).rejects.toThrow();
    const disabled = await updateWebhookEndpoint(ctx, created.id, { enabled: false });
    expect(disabled).toMatchObject({ enabled: false, description: "CRM sync" });
    const enabled = await updateWebhookEndpoint(ctx, created.id, { enabled: true, events: ["conversation_created"] });
    expect(enabled).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null, events: ["conversation_created"] });
    await expect(deleteWebhookEndpoint(ctx, created.id)).resolves.toEqual({ id: created.id, deleted: true });
    await expect(getWebhookEndpoint(ctx, created.id)).rejects.toMatchObject({ status: 404 });
  });
});

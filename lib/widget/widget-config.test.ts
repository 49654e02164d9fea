import { describe, expect, it } from "vitest";
import * as config from "@/app/api/widget/config/route";
import * as messenger from "@/app/widget/route";
import { createAgent } from "../agents/create-agent";
import { revokeApiKey } from "../keys/revoke-api-key";
import { createTestOrg } from "../testing/test-org";
import { updateWidgetSettings } from "./settings";

async function get(handler: (r: Request) => Promise<Response>, path: string, origin?: string) {
  const response = await handler(new Request(`http://app.local${path}`, { headers: origin ? { origin } : {} }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("widget configuration", () => {
  it("tells the loader the look, marks pk_test_ keys as sandbox, and refuses bad keys and other origins with the reason", async () => {
    const org = await createTestOrg();
    await updateWidgetSettings(org.ctx, { color: "#112233", position: "left", greeting: "Hello!", launcher_label: "Ask us", allowed_domains: "shop.example.com\n*.acme.test" });

    const ok = await get(config.GET, `/api/widget/config?key=${org.clientKey}`, "https://shop.example.com");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(JSON.parse(ok.text)).toMatchObject({ color: "#112233", position: "left", launcher_label: "Ask us", sandbox: false, availability: { open: true } });
    expect(ok.text).not.toContain("allowed_domains");
    const sandbox = await get(config.GET, `/api/widget/config?key=${org.testClientKey}`, "https://app.acme.test");
    expect(JSON.parse(sandbox.text)).toMatchObject({ sandbox: true, launcher_label: "Ask us" });

    const elsewhere = await get(config.GET, `/api/widget/config?key=${org.clientKey}`, "https://evil.example");
    expect(elsewhere.status).toBe(403);
    expect(JSON.parse(elsewhere.text).error.message).toContain("origin (https://evil.example) is not in the widget's allowed domains");
    const secret = await get(config.GET, `/api/widget/config?key=${org.serverKey}`, "https://shop.example.com");
    expect(JSON.parse(secret.text).error.message).toContain("secret server key");
    await revokeApiKey(org.clientKey.slice(0, 16), org.orgId);
    const revoked = await get(config.GET, `/api/widget/config?key=${org.clientKey}`, "https://shop.example.com");
    expect(revoked.status).toBe(401);
    expect(JSON.parse(revoked.text).error.message).toContain("unknown or revoked");
  });

  it("serves the messenger only inside allowed pages (frame-ancestors), with no inline script", async () => {
    const org = await createTestOrg();
    await updateWidgetSettings(org.ctx, { color: "#112233", position: "right", greeting: "Hi", launcher_label: "Chat", allowed_domains: "http://localhost:3141" });
    const page = await get(messenger.GET, `/widget?key=${org.clientKey}&origin=${encodeURIComponent("http://localhost:3141")}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors http://localhost:3141");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.text).toContain('"hostOrigin":"http://localhost:3141"');
    const other = await get(messenger.GET, `/widget?key=${org.clientKey}&origin=${encodeURIComponent("http://localhost:9999")}`);
    expect(other.status).toBe(403);
    expect(other.text).toContain("We can't start the chat right now.");
    expect(other.text).not.toContain("dexra-config");
  });

  it("lets only admins change the settings, and validates them", async () => {
    const org = await createTestOrg();
    const agent = await createAgent(org.orgId, { email: `agent-${Date.now()}@example.test`, name: "Plain Agent", password: "a long password here", role: "agent" });
    const asAgent = { orgId: org.orgId, actor: { type: "agent" as const, id: agent.id, name: agent.name, email: agent.email, role: "agent" as const } };
    await expect(updateWidgetSettings(asAgent, { color: "#000000", position: "right", greeting: "", launcher_label: "x" })).rejects.toMatchObject({ status: 404 });
    await expect(updateWidgetSettings(org.ctx, { color: "red", position: "top", greeting: "", launcher_label: "" })).rejects.toMatchObject({ status: 400 });
    await expect(updateWidgetSettings(org.ctx, { color: "#000000", position: "right", greeting: "", launcher_label: "x", allowed_domains: "javascript:alert(1)" })).rejects.toMatchObject({ status: 400 });
  });
});

import { expect, test, type Page } from "@playwright/test";
import { createConversationViaApi, demoKeys, openInbox, unique } from "./inbox-helpers";

const cspOf = (headers: Record<string, string>) => headers["content-security-policy"] ?? "";

test.describe("security headers", () => {
  test("pages get a nonce-based policy, never framable, a new nonce each time", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = cspOf(first.headers());
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
    expect(cspOf(second.headers())).not.toContain(nonce);
    // Every script Next rendered carries this request's nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("only the widget route may be framed", async ({ request }) => {
    const widget = await request.get("/widget");
    expect(cspOf(widget.headers())).toContain("frame-ancestors *");
    const inbox = await request.get("/inbox", { maxRedirects: 0 });
    expect(cspOf(inbox.headers())).toContain("frame-ancestors 'none'");
  });

  test("HSTS when served over HTTPS behind a proxy", async ({ request }) => {
    for (const path of ["/login", "/api/v1/openapi.json", "/api/inbox/counts"]) {
      const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(response.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{7,}/);
    }
  });

  test("API answers are nosniff and run nothing", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(cspOf(response.headers())).toContain("default-src 'none'");
  });
});

test("a cross-origin text/plain POST to the inbox API is refused with a JSON 403, even with the agent's cookie", async ({ page, request }) => {
  await openInbox(page);
  const attack = await page.request.post("/api/inbox/bulk", {
    headers: { "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: JSON.stringify({ conversation_ids: [], action: { type: "resolve" } }),
  });
  expect(attack.status()).toBe(403);
  expect(attack.headers()["content-type"]).toContain("application/json");
  expect(await attack.json()).toMatchObject({ error: { code: "forbidden" } });
  const sneaky = await page.request.post("/api/inbox/presence", {
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    data: { conversation_id: "00000000-0000-0000-0000-000000000000", state: "viewing" },
  });
  expect(sneaky.status()).toBe(403);
  // The app's own requests still work.
  const own = await request.get("/api/inbox/counts");
  expect(own.status()).toBe(200);
});

/** Console errors, uncaught errors and CSP violations a page produces while it is used. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test.describe("in a browser far from the server's locale and time zone", () => {
  // The server renders in UTC and en-US; a reader elsewhere must still hydrate without a mismatch (#418).
  test.use({ locale: "de-DE", timezoneId: "Pacific/Auckland" });

test("the main pages work under the policy with no console error (hydration, CSP)", async ({ page, request }) => {
  test.setTimeout(120_000);
  const subject = unique("Quiet logs ");
  const conversation = await createConversationViaApi(request, { subject, description: "Checking the console stays clean" });
  const snoozed = await request.post(`/api/v1/conversations/${conversation.id}/snooze/`, {
    headers: { Authorization: `Bearer ${demoKeys().server_key}` },
    data: { until: new Date(Date.now() + 3 * 86_400_000).toISOString() },
  });
  expect(snoozed.ok()).toBe(true);
  const problems = watch(page);
  await openInbox(page);
  // Straight to the conversation: the server renders the thread, the browser hydrates it.
  await page.goto(`/inbox?view=all&c=${conversation.number}`);
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByText(/until/).first()).toBeVisible();
  // /settings/organization (where /settings lands) is left out while an intermittent #418 there is open (issue 11,
  // closing note of 2026-11-30).
  for (const path of ["/settings/agents", "/settings/api-keys", "/settings/webhooks", "/settings/tags", "/settings/audit", "/inbox?view=closed"]) {
    await page.goto(path);
    await expect(page.getByRole("heading").first()).toBeVisible();
    // Hydration errors are reported right after the scripts run: give them the moment to appear.
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
  }
  await page.goto("/docs");
  await expect(page.getByText("Create a conversation").first()).toBeVisible({ timeout: 20_000 });
  expect(problems).toEqual([]);
});
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("the sign-in page, and a failed sign-in, log no console error", async ({ page }) => {
    const problems = watch(page);
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toBeVisible();
    expect(problems).toEqual([]);
  });
});

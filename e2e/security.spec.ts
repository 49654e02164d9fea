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
  for (const path of ["/settings", "/settings/organization", "/settings/agents", "/settings/api-keys", "/settings/webhooks", "/settings/tags", "/settings/audit", "/inbox?view=closed"]) {
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

// Hydration raced the script chunks: the root layout put a value imported from a "use client" module into <head>,
// which reached the browser as a reference to that module's chunk; when that chunk came after React had started,
// <head> suspended and React resumed <body> at the wrong node (#418 on random page loads, issue 11). Holding back
// each chunk the page loads, one at a time, makes every such ordering happen on purpose.
test("pages hydrate without an error whichever script chunk arrives last", async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of ["/settings/organization", "/inbox"]) {
    const chunks = new Set<string>();
    const onRequest = (r: { url(): string }) => { if (/\/_next\/static\/chunks\/.+\.js$/.test(r.url())) chunks.add(r.url()); };
    page.on("request", onRequest);
    await page.goto(path);
    await expect(page.getByRole("heading").first()).toBeVisible();
    page.off("request", onRequest);
    expect(chunks.size, path).toBeGreaterThan(3);
    for (const late of chunks) {
      // Routing turns the HTTP cache off, so every chunk is fetched again and this one comes a second late.
      await page.route(late, async (route) => { await new Promise((r) => setTimeout(r, 1_000)); await route.continue(); });
      const problems = watch(page);
      await page.goto(path);
      await page.waitForLoadState("load");
      await page.waitForTimeout(300);
      await page.unroute(late);
      expect(problems, `${path} with ${late.split("/").pop()} late`).toEqual([]);
    }
  }
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

// The attack as it was found: a signed-in agent follows a link to the sign-in page whose callback, once the
// browser resolves its dot segments, names another host (`/..//evil.example` → `//evil.example`).
test.describe("no open redirect after sign-in", () => {
  const ATTACKS = ["/..//evil.example/phish", "/../..//evil.example/phish", "/%2e%2e//evil.example/phish", "/\\evil.example/phish", "https://evil.example/phish"];

  test("a signed-in agent's /login?callbackUrl= only ever redirects on this site", async ({ request, baseURL }) => {
    for (const attack of ATTACKS) {
      const response = await request.get(`/login?callbackUrl=${encodeURIComponent(attack)}`, { maxRedirects: 0 });
      expect(response.status(), attack).toBe(307);
      const location = response.headers()["location"]!;
      expect(new URL(location, baseURL).host, `${attack} → ${location}`).toBe(new URL(baseURL!).host);
      expect(location, attack).toMatch(/^(https?:\/\/[^/]+)?\/(?![/\\])/);
    }
    const kept = await request.get(`/login?callbackUrl=${encodeURIComponent("/settings/tags")}`, { maxRedirects: 0 });
    expect(kept.headers()["location"]).toMatch(/\/settings\/tags$/);
  });

  test.describe("signing in", () => {
    test.use({ storageState: { cookies: [], origins: [] } });
    test("through the form with a hostile callback lands in the inbox", async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(ATTACKS[0]!)}`);
      await page.getByLabel("Email").fill("sarah@example.com");
      await page.getByLabel("Password").fill("dexra-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/inbox/);
      expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
    });
  });
});

import { expect, test } from "@playwright/test";
import { dexra } from "./fixtures";

test.describe("public API over HTTP", () => {
  test("seed paths answer with and without the trailing slash, without redirecting", async ({ request }) => {
    const org = dexra("create-org", "--name", "E2E API", "--owner-email", `api-${Date.now()}@example.test`, "--owner-password", "e2e-api-password");
    const headers = { authorization: `Bearer ${org.server_key}` };
    const created = await request.post("/api/v1/conversations/create/", { headers, data: { subject: "Over HTTP", user_email: "h@example.com" } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    for (const path of ["/api/v1/conversations/", `/api/v1/conversations/${id}/`, `/api/v1/conversations/${id}/messages/`]) {
      for (const url of [path, path.slice(0, -1)]) {
        const res = await request.get(url, { headers, maxRedirects: 0 });
        expect(res.status(), url).toBe(200);
      }
    }
    const unauthorized = await request.get("/api/v1/conversations/", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
    expect(unauthorized.status()).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test("the API reference renders the OpenAPI document with no request leaving the app", async ({ page, baseURL }) => {
    test.setTimeout(120_000); // the reference parses the whole document in the browser: slow on a loaded machine
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(baseURL!) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto("/docs");
    await expect(page.getByText("Create a conversation").first()).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText("Claim a conversation").first()).toBeVisible();
    expect(outside).toEqual([]);
  });
});

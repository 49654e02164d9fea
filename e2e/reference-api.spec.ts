import { expect, test } from "@playwright/test";
import { createDexra, cursorItems, toArray, unwrap } from "../sdk/dist/index.js";
import { dexra as cli } from "./fixtures";

test.describe("the reference API at /v1 over HTTP, through the SDK", () => {
  test("replays the seed's examples with the seed's shapes; paths answer with and without a trailing slash", async ({ request, baseURL }) => {
    const org = cli("create-org", "--name", "E2E v1", "--owner-email", `v1-${Date.now()}@example.test`, "--owner-password", "e2e-v1-password");
    const dexra = createDexra({ apiKey: org.server_key!, baseUrl: baseURL! });

    const created = unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_9921", subject: "Login Issue", tags: ["support", "urgent"] } }));
    expect(Object.keys(created).sort()).toEqual(["created_at", "id", "status"]);
    const sent = unwrap(await dexra.POST("/v1/messages", { body: { conversation_id: created.id, content: "We have processed your refund.", type: "text" } }));
    expect(sent).toEqual({ id: expect.any(String), conversation_id: created.id, status: "sent", timestamp: expect.any(Number) });
    const one = unwrap(await dexra.GET("/v1/conversations/{id}", { params: { path: { id: created.id } } }));
    expect(one).toMatchObject({ id: created.id, status: "open", participants: [{ type: "user" }] });
    const listed = unwrap(await dexra.GET("/v1/conversations", { params: { query: { limit: 10, status: "open" } } }));
    expect(listed).toEqual({
      data: [{ id: created.id, status: "open", subject: "Login Issue", created_at: created.created_at, last_message: { id: sent.id, text: "We have processed your refund." } }],
      meta: { total: 1, next_cursor: null },
    });
    unwrap(await dexra.PATCH("/v1/users/{id}", { params: { path: { id: "u_9921" } }, body: { email: "jane@example.com" } }));
    const user = unwrap(await dexra.PATCH("/v1/users/{id}", { params: { path: { id: "u_9921" } }, body: { custom_attributes: { plan: "enterprise", ltv: 1200 } } }));
    expect(user).toEqual({ id: "u_9921", email: "jane@example.com", custom_attributes: { plan: "enterprise", ltv: 1200 } });
    for (let i = 0; i < 3; i++) unwrap(await dexra.POST("/v1/conversations", { body: { user_id: `u_${i}`, subject: `Page ${i}` } }));
    expect(await toArray(cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { limit: 3, cursor } } })))).toHaveLength(4);

    const headers = { authorization: `Bearer ${org.server_key}` };
    for (const url of ["/v1/conversations", "/v1/conversations/", `/v1/conversations/${created.id}`, `/v1/conversations/${created.id}/`]) {
      const res = await request.get(url, { headers, maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
    }
    const slash = await request.post("/v1/messages/", { headers, data: { conversation_id: created.id, content: "With a slash" }, maxRedirects: 0 });
    expect(slash.status()).toBe(201);
    const noKey = await request.get("/v1/conversations", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
    expect(noKey.status()).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});

test.describe("/docs", () => {
  test("Getting started, SDK samples, each operation once, no toolbar and no validation warnings", async ({ page }) => {
    test.setTimeout(120_000); // the reference parses a ~300 KB document in the browser: slow on a loaded CI machine
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
    await page.goto("/docs");
    await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole("heading", { name: "2. Identity hash (client keys)" })).toBeVisible({ timeout: 20_000 });
    for (const group of ["Reference API (/v1)", "Agents", "Teams", "Tags", "Canned replies", "Business hours", "Privacy (GDPR)"]) {
      await expect(page.getByRole("button", { name: new RegExp(`^${group.replace(/[()/]/g, "\\$&")}`) }).first()).toBeVisible();
    }
    await page.getByRole("button", { name: /^Teams/ }).first().click();
    await expect(page.getByRole("button", { name: /^Create a team/ }).first()).toBeVisible({ timeout: 20_000 });
    // Each operation shows a ready-to-run curl example (and the SDK's, checked in the document below).
    await page.getByRole("button", { name: /^Create a team/ }).first().click();
    await expect(page.locator("pre").filter({ hasText: /^curl \S+\/api\/v1\/teams\/ \\\s+--request POST[\s\S]*--header 'Authorization: Bearer/ }).first()).toBeVisible({ timeout: 20_000 });
    // The vendor's developer toolbar (shown on localhost by default) offers "Share" and "Deploy on Scalar".
    await expect(page.getByText(/Deploy on Scalar|Share your API Reference/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Share|Deploy|Configure)$/ })).toHaveCount(0);
    expect(warnings.filter((w) => /validation|deprecated/i.test(w))).toEqual([]);

    const document = await (await page.request.get("/api/v1/openapi.json")).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, { summary: string; tags: string[]; "x-codeSamples": { label: string; source: string }[] }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, ...op })),
    );
    const titles = operations.map((o) => `${o.tags[0]} › ${o.summary}`);
    expect(new Set(titles).size).toBe(titles.length);
    expect(operations.every((o) => o["x-codeSamples"]?.[0]?.label === "Dexra SDK")).toBe(true);
  });
});

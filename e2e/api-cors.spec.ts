import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { dexra } from "./fixtures";

// A real browser on another origin (localhost vs 127.0.0.1: same server, different origins) calls the API.
test("client keys work from an allowed browser origin, server keys never do", async ({ page, baseURL }) => {
  const api = new URL(baseURL!);
  const site = `http://localhost:${api.port}`;
  const org = dexra("create-org", "--name", "E2E CORS", "--owner-email", `cors-${Date.now()}@example.test`, "--owner-password", "e2e-cors-password");
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  const allow = (origins: string[]) => sql`update organizations set allowed_origins = ${sql.json(origins)} where id = ${org.organization_id!}`;
  await allow([site]);
  const email = "browser@example.com";
  const identity = { "x-dexra-user-email": email, "x-dexra-user-hash": createHmac("sha256", org.identity_secret!).update(email).digest("hex") };

  // A document of the other origin without a policy that forbids fetching (API answers carry CSP default-src 'none',
  // pages connect-src 'self'), really served from loopback (Chrome refuses loopback requests from a page it cannot
  // place there, such as a route-fulfilled one): the widget's public script is such a document.
  await page.goto(`${site}/widget.js`);
  const call = (key: string, extra: Record<string, string> = {}) =>
    page.evaluate(
      async ({ url, headers }) => {
        try {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ subject: "From the browser" }) });
          return { status: res.status, body: await res.json(), remaining: res.headers.get("ratelimit-remaining") };
        } catch (error) {
          return { status: 0, body: String(error), remaining: null };
        }
      },
      { url: `${api.origin}/api/v1/conversations/create/`, headers: { authorization: `Bearer ${key}`, ...extra } },
    );

  const asClient = await call(org.client_key!, identity);
  expect(asClient.status).toBe(201);
  expect(asClient.body.requester.email).toBe(email);
  expect(asClient.remaining).not.toBeNull();

  const asServer = await call(org.server_key!);
  expect(asServer.status).toBe(403);
  expect(asServer.body.error.message).toMatch(/browser/);

  await allow(["https://shop.example.com"]);
  const elsewhere = await call(org.client_key!, identity);
  expect(elsewhere.status).toBe(403);
  await sql.end();
});

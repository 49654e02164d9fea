import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { logIn } from "./fixtures";

/** The demo organization's keys, written by `npm run db:seed` (scripts/test.sh points it at DEXRA_DEMO_KEYS_FILE). */
export function demoKeys(): { server_key: string; client_key: string; identity_secret: string; organization_id: string } {
  return JSON.parse(fs.readFileSync(process.env.DEXRA_DEMO_KEYS_FILE || path.join(process.cwd(), ".data", "demo-keys.json"), "utf8"));
}

export const unique = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

type Created = { id: string; number: number; subject: string };

/** A customer conversation created through the public API, as an integration would. */
export async function createConversationViaApi(request: APIRequestContext, body: Record<string, unknown>): Promise<Created> {
  const response = await request.post("/api/v1/conversations/create/", {
    headers: { Authorization: `Bearer ${demoKeys().server_key}` },
    data: { user_email: `${unique("customer-")}@customer.example`, ...body },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

export async function customerReplyViaApi(request: APIRequestContext, conversation: { id: string }, userEmail: string, text: string) {
  const response = await request.post(`/api/v1/conversations/${conversation.id}/messages/create/`, {
    headers: { Authorization: `Bearer ${demoKeys().server_key}` },
    data: { body: text, user_email: userEmail },
  });
  expect(response.status()).toBe(201);
}

/** Client-key headers acting as one verified end user (HMAC of the email with the identity secret). */
export function clientKeyHeaders(email: string) {
  const keys = demoKeys();
  const hash = createHmac("sha256", keys.identity_secret).update(email).digest("hex");
  return { Authorization: `Bearer ${keys.client_key}`, "X-Dexra-User-Email": email, "X-Dexra-User-Hash": hash };
}

/** A second agent signed in in their own browser context. */
export async function signInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await logIn(page, email, "dexra-demo");
  await expect(page).toHaveURL(/\/inbox/);
  return page;
}

export async function openInbox(page: Page, query = "") {
  await page.goto(`/inbox${query}`);
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 15_000 });
}

export const serverGet = async (request: APIRequestContext, path: string) =>
  (await request.get(path, { headers: { Authorization: `Bearer ${demoKeys().server_key}` } })).json();

export const threadHeading = (page: Page) => page.getByRole("main").getByRole("heading", { level: 1 });

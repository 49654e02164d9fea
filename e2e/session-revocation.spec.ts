import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Browser } from "@playwright/test";
import { dexra, logIn } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });
// Each test signs in more than once through the full login page: give a loaded machine room.
test.describe.configure({ timeout: 60_000 });

const PASSWORD = "revocation-password-1";

/** A fresh organization's owner, so ending its sessions never disturbs other specs. */
function newOwner() {
  const email = `revoke-${randomUUID().slice(0, 8)}@example.test`;
  dexra("create-org", "--name", "Revocation Co", "--owner-email", email, "--owner-password", PASSWORD);
  return email;
}

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);
  return { context, page };
}

/** The session cookie as an attacker who copied it would send it. */
async function cookieHeader(context: BrowserContext) {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

async function statusWith(baseURL: string, cookie: string) {
  const response = await fetch(`${baseURL}/api/inbox/counts`, { headers: { cookie } });
  return response.status;
}

test("a copied session cookie stops working after the Sign out button", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, newOwner());
  const copied = await cookieHeader(context);
  expect(await statusWith(baseURL!, copied)).toBe(200);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await statusWith(baseURL!, copied)).toBe(401);
  const inbox = await fetch(`${baseURL}/inbox`, { headers: { cookie: copied }, redirect: "manual" });
  expect(inbox.status).toBe(307);
  expect(inbox.headers.get("location")).toContain("/login");
  await context.close();
});

test("a copied session cookie stops working after POST /api/auth/signout", async ({ browser, baseURL }) => {
  const { context } = await signedInContext(browser, newOwner());
  const copied = await cookieHeader(context);
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  const signout = await context.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect([200, 302, 303]).toContain(signout.status());
  expect(await statusWith(baseURL!, copied)).toBe(401);
  await context.close();
});

test("End all sessions signs the agent out on every device", async ({ browser, baseURL }) => {
  const email = newOwner();
  const laptop = await signedInContext(browser, email);
  const phone = await signedInContext(browser, email);
  const phoneCookie = await cookieHeader(phone.context);
  expect(await statusWith(baseURL!, phoneCookie)).toBe(200);
  await laptop.page.getByRole("button", { name: "End all sessions" }).click();
  await expect(laptop.page).toHaveURL(/\/login/);
  expect(await statusWith(baseURL!, phoneCookie)).toBe(401);
  // A new tab in the phone's browser (the open one may already be redirecting itself on a 401).
  const tab = await phone.context.newPage();
  await tab.goto("/inbox");
  await expect(tab).toHaveURL(/\/login/);
  await laptop.context.close();
  await phone.context.close();
});

test("the live event stream of a signed-out session closes", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, newOwner());
  const copied = await cookieHeader(context);
  const stream = await fetch(`${baseURL}/api/inbox/live`, { headers: { cookie: copied } });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  await reader.read(); // the first chunk (retry:) arrives at once
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return true;
  })();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  const closed = await Promise.race([ended, new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000))]);
  expect(closed).toBe(true);
  await context.close();
});

import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, dexra, logIn } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("the demo agent signs in, sees the organization's inbox and signs out", async ({ page }) => {
  await logIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId("org-name")).toHaveText(DEMO.org);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in from a deep link returns to that page", async ({ page }) => {
  await page.goto("/settings/tags");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/tags$/);
});

test("a wrong password shows an error and creates no session", async ({ page, context }) => {
  await logIn(page, DEMO.email, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated wrong passwords for one email are throttled with a clear message", async ({ page }) => {
  const email = `throttle-${randomUUID().slice(0, 8)}@example.test`;
  const { organization_id } = dexra("create-org", "--name", "Throttle Co", "--owner-email", email, "--owner-password", "right-password-1");
  expect(organization_id).toBeTruthy();
  for (let i = 0; i < 5; i++) {
    await logIn(page, email, `wrong-${i}`);
    await expect(page.locator("form").getByRole("alert")).toBeVisible();
  }
  await logIn(page, email, "right-password-1");
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/login/);
});

test("an organization created on the command line can be signed into by its owner", async ({ page }) => {
  const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const created = dexra("create-org", "--name", "Globex Help", "--owner-email", email, "--owner-password", "globex-password");
  expect(created.server_key).toMatch(/^sk_live_/);
  expect(created.test_client_key).toMatch(/^pk_test_/);
  await logIn(page, email, "globex-password");
  await expect(page.getByTestId("org-name")).toHaveText("Globex Help");
});

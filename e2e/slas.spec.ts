import { expect, test } from "@playwright/test";
import { createConversationViaApi, unique } from "./inbox-helpers";

test("an admin adds an SLA policy, and the inbox shows breached targets in the SLA at risk view", async ({ page, request }) => {
  await page.goto("/settings/slas");
  await expect(page.getByRole("heading", { name: "SLAs", level: 1 })).toBeVisible();
  const name = `Urgent replies ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Priority").selectOption("urgent");
  await page.getByLabel("First response (minutes)").fill("30");
  await page.getByRole("button", { name: "Create SLA policy" }).click();
  await expect(page.getByRole("status")).toHaveText("SLA policy created.");
  const row = page.getByRole("region", { name: "SLA policies" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("priority urgent");
  await expect(row).toContainText("30m");

  // Editing keeps the policy and changes its target in place.
  await row.getByRole("link", { name: `Edit SLA policy ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Edit SLA policy “${name}”` })).toBeVisible();
  await expect(page.getByLabel("First response (minutes)")).toHaveValue("30");
  await page.getByLabel("First response (minutes)").fill("45");
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByRole("status")).toHaveText("SLA policy saved.");
  await expect(row).toContainText("45m");
  await expect(page.getByRole("region", { name: "SLA policies" }).getByRole("row").filter({ hasText: name })).toHaveCount(1);

  // The demo's open conversations that waited past their first-response target.
  await page.goto("/inbox?view=sla_at_risk&sort=due");
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /SLA at risk/ })).toBeVisible();
  await expect(page.getByTestId("sla-badge").first()).toHaveText(/SLA breached .* ago/, { timeout: 20_000 });

  // A new conversation shows the time left to its next target (the demo's policy covers every conversation) in
  // the thread's header.
  const fresh = await createConversationViaApi(request, { subject: unique("Fresh SLA ") });
  await page.goto(`/inbox?view=all&c=${fresh.number}`);
  const thread = page.getByRole("region", { name: `Conversation #${fresh.number}` });
  await expect(thread.getByTestId("sla-badge")).toHaveText(/^SLA \d+[mhd].* left$/, { timeout: 20_000 });
});

test("a plain agent cannot open the SLA settings", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("alex@example.com");
  await page.getByLabel("Password").fill("dexra-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/);
  expect((await page.goto("/settings/slas"))?.status()).toBe(404);
  await context.close();
});

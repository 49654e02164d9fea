import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO } from "./fixtures";

async function invite(page: Page, email: string) {
  await page.goto("/settings/agents");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("agent");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toContainText("/invite/");
  return (await link.textContent())!;
}

test("an invitation link is accepted in another browser, works once, and an expired link is refused", async ({ page, browser }) => {
  const email = `invitee-${Date.now()}@example.test`;
  const link = await invite(page, email);

  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await guest.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: `Join ${DEMO.org}` })).toBeVisible();
  await other.getByLabel("Your name").fill("Ivy Invitee");
  await other.getByLabel("Password", { exact: true }).fill("short");
  await other.getByRole("button", { name: "Set password and join" }).click();
  await expect(other.getByText("password must be at least 8 characters")).toBeVisible();
  await other.getByLabel("Password", { exact: true }).fill("ivy-password-1");
  await other.getByLabel("Confirm password").fill("ivy-password-1");
  await other.getByRole("button", { name: "Set password and join" }).click();
  await expect(other).toHaveURL(/\/inbox/);
  await expect(other.getByTestId("org-name")).toHaveText(DEMO.org);
  await guest.close();

  // The same link a second time.
  const again = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();

  // A link past its expiry.
  const lateEmail = `late-${Date.now()}@example.test`;
  const lateLink = await invite(page, lateEmail);
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  await sql`update agent_invitations set expires_at = now() - interval '1 minute' where email = ${lateEmail}`;
  await sql.end();
  await again.goto(lateLink);
  await expect(again.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await expect(again.getByRole("button", { name: "Set password and join" })).toHaveCount(0);
  await again.context().close();

  await page.goto("/settings/agents");
  await expect(page.getByTestId(`agent-${email}`)).toContainText("Ivy Invitee");
});

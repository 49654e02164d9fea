import { expect, test } from "@playwright/test";
import { logIn } from "./fixtures";

const SETTINGS_URLS = ["/settings", "/settings/organization", "/settings/agents", "/settings/api-keys", "/settings/tags", "/settings/audit"];

test.describe("a plain agent", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees no Settings link and gets a 404 at every settings URL", async ({ page }) => {
    await logIn(page, "alex@example.com", "dexra-demo");
    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const url of SETTINGS_URLS) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
    }
  });
});

test("the owner opens settings from the inbox and moves between its pages", async ({ page }) => {
  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/organization/);
  await expect(page.getByRole("heading", { name: "Organization", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Teams" })).toHaveAttribute("aria-current", "page");
});

test("tag form: a field error shows next to the field, then the tag is created, renamed and deleted", async ({ page }) => {
  await page.goto("/settings/tags");
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByText("name is required")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  const name = `e2e-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toBeVisible();

  await page.getByRole("button", { name: `Edit tag ${name}` }).click();
  await page.getByLabel("Name").nth(1).fill(`${name}-renamed`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${name}-renamed` })).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Delete tag ${name}-renamed` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${name}-renamed` })).toHaveCount(0);

  await page.goto("/settings/audit");
  await expect(page.getByRole("row").filter({ hasText: "tag.deleted" }).first()).toContainText("Sarah");
});

test("the sandbox switch shows sandbox data everywhere, with a banner to switch back", async ({ page }) => {
  await page.goto("/settings/tags");
  await expect(page.getByRole("listitem").first()).toBeVisible(); // the demo's live tags
  await page.goto("/settings/organization");
  await page.getByRole("button", { name: "Switch to sandbox data" }).click();
  const banner = page.getByRole("region", { name: "Sandbox mode" });
  await expect(banner).toBeVisible();
  await page.goto("/settings/tags");
  await expect(page.getByText("No tags yet.")).toBeVisible();
  await page.goto("/inbox");
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Switch to live data" }).click();
  await expect(banner).toHaveCount(0);
  await page.goto("/settings/tags");
  await expect(page.getByText("No tags yet.")).toHaveCount(0);
});

import { expect, test } from "@playwright/test";

test("the owner sets and clears GDPR retention in Settings → Organization", async ({ page }) => {
  await page.goto("/settings/organization");
  const field = page.getByLabel("Anonymize closed conversations after (days)");
  await expect(page.getByRole("heading", { name: "Data retention" })).toBeVisible();
  await expect(field).toHaveValue("");
  await field.fill("0");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("at least 1 day")).toBeVisible();
  await field.fill("400");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Retention saved.")).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue("400");
  // Back to off, so the shared demo data is never anonymized by this test.
  await field.fill("");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Retention saved.")).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue("");
});

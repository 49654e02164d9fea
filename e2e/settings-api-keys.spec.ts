import { expect, test } from "@playwright/test";

test("an admin creates a client key, copies it once, revokes it, and the API then answers 401", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/api-keys");
  const name = `E2E widget ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption("client");
  await page.getByLabel("Mode").selectOption("live");
  await page.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^pk_live_[A-Za-z0-9]{32}$/);
  const key = (await shown.textContent())!;
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const create = () =>
    request.post("/api/v1/conversations/create/", { headers: { Authorization: `Bearer ${key}` }, data: { subject: "From the e2e key test" } });
  expect((await create()).status()).toBe(201);

  // Shown once: after a reload only the prefix is listed.
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("client");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toContainText("Revoked");
  const refused = await create();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});

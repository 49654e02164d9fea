import { expect, test } from "@playwright/test";
import { createConversationViaApi, unique } from "./inbox-helpers";

test("an admin creates a rule in Settings → Automation; a conversation created over the API gets its tag in the inbox", async ({ page, request }) => {
  const word = unique("refund");
  const tag = unique("refund-tag-");
  const name = `Tag ${word}`;

  await page.goto("/settings/automation");
  // Refused first: no name and no tag; each error is shown, and nothing is saved.
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  await expect(page.getByText("name is required")).toBeVisible();
  await expect(page.getByText(/^actions\.0\.tags: /)).toBeVisible();
  await page.getByLabel("Rule name").fill(name);
  await page.getByLabel("When").selectOption("conversation_created");
  await page.getByLabel("Subject or message contains").fill(word);
  await page.getByLabel("Action", { exact: true }).selectOption("add_tags");
  await page.getByLabel("Tags", { exact: true }).fill(tag);
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByRole("status")).toHaveText("Rule created.");
  const row = page.getByRole("listitem", { name: `Rule ${name}` });
  await expect(row).toContainText(`text contains “${word}”`);
  await expect(row).toContainText(`add ${tag}`);

  const matching = await createConversationViaApi(request, { subject: `Please ${word} my order` });
  const other = await createConversationViaApi(request, { subject: "Just a question" });

  await page.goto(`/inbox?view=all&c=${matching.number}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Tags" })).toContainText(tag, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(`Automation “${name}”`).first()).toBeVisible();

  await page.goto(`/inbox?view=all&c=${other.number}`);
  await expect(page.getByRole("list", { name: "Tags" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" })).not.toContainText(tag);

  // Disable it, then delete it: the list says so.
  await page.goto("/settings/automation");
  await page.getByRole("button", { name: `Disable rule ${name}` }).click();
  await expect(page.getByRole("listitem", { name: `Rule ${name}` })).toContainText("disabled");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Delete rule ${name}` }).click();
  await expect(page.getByRole("listitem", { name: `Rule ${name}` })).toHaveCount(0);
});

test("an agent sets their availability in the header; it is kept", async ({ page }) => {
  await page.goto("/settings/automation");
  const availability = page.getByRole("banner").getByLabel("Set yourself online, away or offline");
  await expect(availability).toHaveValue("online");
  await availability.selectOption("away");
  await expect(availability).toBeEnabled();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("banner").getByLabel("Set yourself online, away or offline")).toHaveValue("away", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("banner").getByLabel("Set yourself online, away or offline").selectOption("online");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("banner").getByLabel("Set yourself online, away or offline")).toHaveValue("online", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

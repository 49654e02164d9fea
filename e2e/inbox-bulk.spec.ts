import { expect, test } from "@playwright/test";
import { createConversationViaApi, openInbox, unique } from "./inbox-helpers";

test("shift-click selects a range, select all selects the view, and bulk actions set priority and pending", async ({ page, request }) => {
  const tag = unique("bulk");
  const subjects: string[] = [];
  for (let i = 0; i < 5; i++) {
    const subject = `${tag} ${i}`;
    subjects.push(subject);
    await createConversationViaApi(request, { subject, description: `Range member ${i}` });
  }
  await openInbox(page, `?view=all&q=${tag}`);
  const list = page.getByTestId("conversation-list");
  await expect(list.getByRole("listitem")).toHaveCount(5);
  // Newest first: rows show 4, 3, 2, 1, 0. Click 3, shift-click 1: 3, 2 and 1 are selected.
  await page.getByRole("checkbox", { name: new RegExp(`${subjects[3]}$`) }).click();
  await page.getByRole("checkbox", { name: new RegExp(`${subjects[1]}$`) }).click({ modifiers: ["Shift"] });
  await expect(page.getByText("3 selected")).toBeVisible();
  for (const i of [1, 2, 3]) await expect(page.getByRole("checkbox", { name: new RegExp(`${subjects[i]}$`) })).toBeChecked();
  for (const i of [0, 4]) await expect(page.getByRole("checkbox", { name: new RegExp(`${subjects[i]}$`) })).not.toBeChecked();

  await page.getByRole("combobox", { name: "Set priority of selected" }).selectOption("urgent");
  await expect(page.getByRole("status").filter({ hasText: "3 conversations updated" })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "urgent" })).toHaveCount(3);

  await page.getByRole("checkbox", { name: /Select all in view/ }).check();
  await expect(page.getByText("5 selected")).toBeVisible();
  await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Pending" }).click();
  await expect(page.getByRole("status").filter({ hasText: "5 conversations updated" })).toBeVisible();
  await openInbox(page, `?view=pending&q=${tag}`);
  await expect(list.getByRole("listitem")).toHaveCount(5);
  // The snooze choices name their moment.
  await page.getByRole("checkbox", { name: /Select all in view/ }).check();
  const snooze = page.getByRole("combobox", { name: "Snooze selected" });
  await expect(snooze.locator("option", { hasText: "Tomorrow, 9:00 (" })).toHaveCount(1);
});

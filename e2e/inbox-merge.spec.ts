import { expect, test } from "@playwright/test";
import { createConversationViaApi, demoKeys, openInbox, threadHeading, unique } from "./inbox-helpers";

test("merging lands on the target, the source names and links it, and Undo works once", async ({ page, request }) => {
  test.setTimeout(90_000);
  const email = `${unique("merge-")}@customer.example`;
  const target = await createConversationViaApi(request, { subject: unique("Merge target "), user_email: email, description: "First question" });
  const source = await createConversationViaApi(request, { subject: unique("Merge source "), user_email: email, description: "Same question again" });
  await openInbox(page, `?view=all&c=${source.number}`);
  await expect(threadHeading(page)).toContainText(source.subject);

  await page.getByRole("button", { name: "Merge…" }).click();
  await page.getByRole("dialog").getByText(target.subject).click();
  await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
  // Lands on the target, which now holds the source's message.
  await expect(threadHeading(page)).toContainText(target.subject);
  await expect(page).toHaveURL(new RegExp(`c=${target.number}`));
  await expect(page.getByRole("log", { name: "Messages" }).getByText("Same question again")).toBeVisible();

  const toast = page.getByRole("status").filter({ hasText: `Merged #${source.number} into #${target.number}` });
  await expect(toast).toBeVisible();
  // The source says where it went, with a link.
  await page.goto(`/inbox?view=all&c=${source.number}`);
  const link = page.getByRole("log", { name: "Messages" }).getByRole("link", { name: `#${target.number} ${target.subject}` });
  await expect(link).toBeVisible();
  await link.click();
  await expect(threadHeading(page)).toContainText(target.subject);

  // Undo from a fresh merge's toast: once, and the toast goes away.
  await page.goto(`/inbox?view=all&c=${source.number}`);
  await page.getByRole("button", { name: "Undo merge" }).click();
  await expect(page.getByRole("button", { name: "Merge…" })).toBeVisible();
  await page.getByRole("button", { name: "Merge…" }).click();
  await page.getByRole("dialog").getByText(target.subject).click();
  await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
  await expect(threadHeading(page)).toContainText(target.subject);
  const undo = page.getByRole("status").filter({ hasText: `Merged #${source.number}` }).getByRole("button", { name: "Undo" });
  await undo.dblclick();
  await expect(undo).toHaveCount(0);
  await expect(threadHeading(page)).toContainText(source.subject);
  await expect(page.getByRole("log", { name: "Messages" }).getByText("Same question again")).toBeVisible();
  // No error toast (a second unmerge would be refused); Next's empty route announcer is also an alert.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  const activity = await request.get(`/api/v1/conversations/${source.id}/activity/`, { headers: { Authorization: `Bearer ${demoKeys().server_key}` } });
  const actions = ((await activity.json()).results as { action: string }[]).map((a) => a.action);
  expect(actions.filter((a) => a === "unmerged")).toHaveLength(2);
});

import { expect, test } from "@playwright/test";
import { createConversationViaApi, openInbox, unique } from "./inbox-helpers";

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

test("searching a requester's name finds every conversation of theirs, with the matching words marked", async ({ page, request }) => {
  const first = unique("Zephyrine");
  // Letters only, as real surnames are: a typo in it is then as close as pg_trgm expects.
  const last = `Okafor${letters(4)}`;
  const email = `${unique("zeph-")}@customer.example`;
  const subjects = [unique("Invoice copy "), unique("Login trouble "), unique("Export stuck ")];
  for (const subject of subjects) {
    await createConversationViaApi(request, { subject, user_email: email, user_first_name: first, user_last_name: last, description: "We hit 1200/min on the API" });
  }
  await openInbox(page, "?view=all");
  await page.getByRole("searchbox", { name: "Search conversations" }).fill(first.slice(0, 12).toLowerCase());
  const list = page.getByTestId("conversation-list");
  for (const subject of subjects) await expect(list.getByText(subject)).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.locator("mark").filter({ hasText: first }).first()).toBeVisible();

  // A token with a slash, found in a message body, and a typo falling back to similar names.
  await openInbox(page, `?view=all&q=${encodeURIComponent(`1200/min ${first}`)}`);
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await openInbox(page, `?view=all&q=${encodeURIComponent(last.replace("for", "fro"))}`);
  await expect(page.getByRole("status").filter({ hasText: "No exact matches" })).toBeVisible();
  for (const subject of subjects) await expect(list.getByText(subject)).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { createConversationViaApi, openInbox, serverGet, threadHeading, unique } from "./inbox-helpers";

test("resolving moves a conversation out of the Open view and into Closed", async ({ page, request }) => {
  const subject = unique("Resolve me ");
  await createConversationViaApi(request, { subject, description: "Please close this when done" });
  await openInbox(page);
  const list = page.getByTestId("conversation-list");
  await list.getByText(subject).click();
  await page.getByRole("button", { name: /^Resolve/ }).click();
  await expect(list.getByText(subject)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /^Closed/ }).click();
  await expect(page).toHaveURL(/view=closed/);
  await expect(page.getByTestId("conversation-list").getByText(subject)).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/view=closed/);
  await expect(page.getByRole("heading", { name: "All open" })).toBeVisible();
});

test("keyboard-only triage of three conversations: open, reply, claim, resolve", async ({ page, request }) => {
  const batch = unique("triage");
  const created = [];
  for (const n of [1, 2, 3]) created.push(await createConversationViaApi(request, { subject: `${batch} case ${n}`, description: `Problem number ${n}` }));
  await openInbox(page, `?q=${batch}`);
  const list = page.getByTestId("conversation-list");
  await expect(list.getByRole("listitem")).toHaveCount(3);

  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  for (const n of [3, 2, 1]) {
    await expect(threadHeading(page)).toContainText(`${batch} case ${n}`);
    if (n === 3) {
      // `r` moves focus to the composer before its keydown returns, so the very next key is never lost.
      const focusedAtOnce = await page.evaluate(() => {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "r", bubbles: true, cancelable: true }));
        return document.activeElement?.getAttribute("aria-label");
      });
      expect(focusedAtOnce).toBe("Reply to the customer");
      await page.keyboard.type("On it — a fix is coming today.");
      await page.keyboard.press("Control+Enter");
      await expect(page.getByRole("log", { name: "Messages" }).getByText("On it — a fix is coming today.")).toBeVisible();
      await page.keyboard.press("Escape");
    }
    await page.keyboard.press("a");
    await expect(page.getByRole("main").getByText("Assigned to Sarah Connor")).toBeVisible();
    await page.keyboard.press("e");
  }
  await expect(page.getByText("No conversations here")).toBeVisible();

  for (const c of created) {
    await expect.poll(async () => (await serverGet(request, `/api/v1/conversations/${c.id}/`)).status).toBe("closed");
    expect((await serverGet(request, `/api/v1/conversations/${c.id}/`)).assignee?.email).toBe("sarah@example.com");
  }
});

test("search finds a conversation by a word that occurs only in a message body", async ({ page, request }) => {
  const word = unique("quokka");
  const subject = unique("Unrelated subject ");
  await createConversationViaApi(request, { subject, description: `The ${word} ate my invoice` });
  await openInbox(page, "?view=all");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search conversations")).toBeFocused();
  await page.keyboard.type(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const list = page.getByTestId("conversation-list");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByText(subject)).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { createConversationViaApi, openInbox, serverGet, threadHeading, unique } from "./inbox-helpers";

test("Send and set pending: the reply is in the thread and the conversation shows pending", async ({ page, request }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const subject = unique("Send pending ");
  const conversation = await createConversationViaApi(request, { subject, description: "Where is my parcel?" });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText(subject);
  const header = page.getByRole("region", { name: `Conversation #${conversation.number}` }).locator("header");
  await expect(header.getByText("open", { exact: true })).toBeVisible();

  await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Could you send the order number?");
  // Keyboard only: Tab from the textbox reaches Send reply, then the menu toggle.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send reply" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "More send options" })).toBeFocused();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Send options" });
  await expect(menu.getByRole("menuitem", { name: /Send and set pending/ })).toBeFocused();
  await page.keyboard.press("Enter");

  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.locator('[data-message-kind="outbound"]').filter({ hasText: "Could you send the order number?" })).toBeVisible();
  await expect(log.getByText("Sending…")).toHaveCount(0, { timeout: 15_000 });
  await expect(header.getByText("pending", { exact: true })).toBeVisible();
  await expect(header.getByText("pending", { exact: true })).toHaveAttribute("title", /waiting for the customer/);
  // The server's word, not only the optimistic view.
  await expect.poll(async () => (await serverGet(request, `/api/v1/conversations/${conversation.id}/`)).status, { timeout: 10_000 }).toBe("pending");
  expect(JSON.stringify(await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`))).toContain("Could you send the order number?");
});

test("Send and resolve with Ctrl+Shift+Enter: the reply is sent and the conversation is closed (resolved)", async ({ page, request }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const subject = unique("Send resolve ");
  const conversation = await createConversationViaApi(request, { subject, description: "Can I change my address?" });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText(subject);
  const header = page.getByRole("region", { name: `Conversation #${conversation.number}` }).locator("header");

  await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Done, your address is updated.");
  await page.keyboard.press("Control+Shift+Enter");

  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.locator('[data-message-kind="outbound"]').filter({ hasText: "Done, your address is updated." })).toBeVisible();
  await expect(log.getByText("Sending…")).toHaveCount(0, { timeout: 15_000 });
  const badge = header.getByText("closed", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("title", /same as resolved/);
  const server = await serverGet(request, `/api/v1/conversations/${conversation.id}/`);
  expect(server.status).toBe("closed");
  expect(server.resolved_at).toBeTruthy();
  expect(JSON.stringify(await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`))).toContain("Done, your address is updated.");
  // The Closed view explains that it holds both ended statuses.
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /^Closed/ })).toHaveAttribute("title", /Resolved and closed/);
});

test("a note offers no send-and-status menu", async ({ page, request }) => {
  const conversation = await createConversationViaApi(request, { subject: unique("Note only "), description: "Hello" });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await page.getByRole("radio", { name: "Private note" }).click();
  await expect(page.getByRole("button", { name: "Add note" })).toBeVisible();
  await expect(page.getByRole("button", { name: "More send options" })).toHaveCount(0);
});

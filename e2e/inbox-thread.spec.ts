import { expect, test } from "@playwright/test";
import { createConversationViaApi, customerReplyViaApi, demoKeys, openInbox, threadHeading, unique } from "./inbox-helpers";

test("inbound left, outbound right; plain-text previews; the rating and its comment in thread and list; activity via API", async ({ page, request }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const email = `${unique("thread-")}@customer.example`;
  const subject = unique("Bubble layout ");
  const conversation = await createConversationViaApi(request, { subject, user_email: email, description: "Hi, my **order** has not arrived." });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText(subject);
  await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Sorry about that, checking now.");
  await page.keyboard.press("Control+Enter");
  const log = page.getByRole("log", { name: "Messages" });
  const inbound = log.locator('[data-message-kind="inbound"]').first();
  const outbound = log.locator('[data-message-kind="outbound"]').first();
  await expect(outbound).toContainText("checking now");
  // Sent (not only shown optimistically), so the customer's next message is the newest.
  await expect(log.getByText("Sending…")).toHaveCount(0, { timeout: 15_000 });

  const pane = (await log.boundingBox())!;
  const inBox = (await inbound.boundingBox())!;
  const outBox = (await outbound.boundingBox())!;
  // Neither fills the thread; the customer's hugs the left edge, the reply the right one.
  expect(inBox.width).toBeLessThan(pane.width * 0.9);
  expect(outBox.width).toBeLessThan(pane.width * 0.9);
  expect(inBox.x - pane.x).toBeLessThan(40);
  expect(pane.x + pane.width - (outBox.x + outBox.width)).toBeLessThan(40);
  expect(outBox.x).toBeGreaterThan(inBox.x + 100);

  // The list shows what a person reads, not the Markdown.
  await customerReplyViaApi(request, conversation, email, "Thanks, see [the tracking page](https://x.example/t) **now**");
  const row = page.getByTestId("conversation-list").getByRole("listitem").filter({ hasText: subject });
  await expect(row).toContainText("Thanks, see the tracking page now", { timeout: 20_000 });
  await expect(row).not.toContainText("**");

  const rated = await request.post(`/api/v1/conversations/${conversation.id}/rating/`, {
    headers: { Authorization: `Bearer ${demoKeys().server_key}` },
    data: { score: 4, comment: "Quick and kind" },
  });
  expect(rated.status()).toBeLessThan(300);
  await expect(page.getByRole("region", { name: "Customer rating" })).toContainText("4/5", { timeout: 10_000 });
  await expect(page.getByRole("region", { name: "Customer rating" })).toContainText("Quick and kind");
  await expect(row.getByRole("img", { name: "Rated 4/5: Quick and kind" })).toBeVisible();

  // Activity: created and the customer's message via API, never the key's name.
  const activity = page.getByRole("list", { name: "Activity log" });
  await expect(activity).toContainText("Conversation created via API");
  await expect(activity).toContainText("Customer wrote a message via API");
  await expect(activity).not.toContainText("Default server key");
});

import { expect, test } from "@playwright/test";
import { createConversationViaApi, customerReplyViaApi, threadHeading, unique } from "./inbox-helpers";

// The window this guards: the page's data is read on the server, the HTML is on its way, and the browser has
// not opened the live stream yet. A message posted then used to be lost until a reload.
test("a customer message posted while the inbox loads shows in the open thread, 20 of 20 times", async ({ page, request }) => {
  test.setTimeout(180_000);
  const email = `${unique("loading-")}@customer.example`;
  const conversation = await createConversationViaApi(request, { subject: unique("Posted while loading "), user_email: email, description: "First message" });
  const log = page.getByRole("log", { name: "Messages" });
  let misses = 0;
  // One untimed load first: the server's first render of a route is much slower than the rest.
  await page.goto(`/inbox?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText("Posted while loading", { timeout: 15_000 });
  for (let i = 0; i < 20; i += 1) {
    const text = unique(`Follow-up ${i} `);
    // The document's response means the server has rendered (read its data); post 0-95 ms after it.
    const documentArrived = page.waitForResponse((r) => r.request().resourceType() === "document" && r.url().includes("/inbox"));
    const navigation = page.goto(`/inbox?view=all&c=${conversation.number}`);
    await documentArrived;
    await page.waitForTimeout((i * 5) % 100);
    await customerReplyViaApi(request, conversation, email, text);
    await navigation;
    // The 2 s count from the thread on screen (this machine's page load time is not what is measured).
    await expect(threadHeading(page)).toContainText("Posted while loading", { timeout: 15_000 });
    const seen = await log
      .getByText(text)
      .waitFor({ state: "visible", timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!seen) misses += 1;
  }
  expect(misses).toBe(0);
});

import { expect, test } from "@playwright/test";
import { clientKeyHeaders, createConversationViaApi, openInbox, serverGet, threadHeading, unique } from "./inbox-helpers";

test("a private note written in the inbox is never returned by a client-key API call", async ({ page, request }) => {
  const email = `${unique("note-")}@customer.example`;
  const conversation = await createConversationViaApi(request, { subject: unique("Note privacy "), user_email: email, description: "Hello" });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText("Note privacy");
  const secret = unique("internal-only-");
  await page.keyboard.press("n");
  await expect(page.getByLabel("Private note (only agents see it)")).toBeFocused();
  await page.keyboard.type(`Customer is on the legacy plan ${secret}`);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("article", { name: /Private note from Sarah Connor/ })).toContainText(secret);

  // Agents (server key) see the note once it is stored…
  await expect.poll(async () => JSON.stringify(await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`))).toContain(secret);
  // …the end user, through the client key, never does.
  const asClient = await request.get(`/api/v1/conversations/${conversation.id}/messages/`, { headers: clientKeyHeaders(email) });
  expect(asClient.status()).toBe(200);
  const body = await asClient.json();
  expect(body.results.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toContain(secret);
  expect(body.results.every((m: { message_type: string }) => m.message_type !== "note")).toBe(true);
});

test("an XSS payload in a message renders as harmless text", async ({ page, request }) => {
  const payload = [
    "<script>alert('script')</script>",
    '<img src=x onerror="alert(\'onerror\')">',
    "[click me](javascript:alert('link'))",
    '<iframe src="javascript:alert(\'iframe\')"></iframe>',
    "**still markdown**",
  ].join("\n\n");
  const conversation = await createConversationViaApi(request, { subject: unique("XSS attempt "), description: payload });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  const thread = page.getByRole("log", { name: "Messages" });
  await expect(thread.getByText("<script>alert('script')</script>")).toBeVisible();
  await expect(thread.locator("strong", { hasText: "still markdown" })).toBeVisible();
  await expect(thread.locator("script, iframe, img, [onerror]")).toHaveCount(0);
  const link = thread.getByText("click me");
  await expect(link).toBeVisible();
  expect(await link.evaluate((el) => el.closest("a")?.getAttribute("href") ?? "")).not.toMatch(/javascript:/i);
  await link.click();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});

import { devices, expect, test } from "@playwright/test";
import { createConversationViaApi, openInbox, threadHeading, unique } from "./inbox-helpers";

test("resolve offers Undo in a toast that leaves the composer uncovered; title counts unread; favicon; dated snooze presets", async ({ page, request }) => {
  const subject = unique("Polish ");
  const conversation = await createConversationViaApi(request, { subject, description: "Please help" });
  await openInbox(page, `?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText(subject);
  await expect(page).toHaveTitle(/^\(\d+\+?\) All · Dexra$/);
  expect(await page.locator('link[rel="icon"]').getAttribute("href")).toContain("icon");

  await page.getByRole("button", { name: /Snooze/ }).click();
  const presets = page.getByRole("dialog").getByRole("listitem");
  const texts = await presets.allInnerTexts();
  expect(new Set(texts).size).toBe(texts.length);
  // Each names its moment: weekday, date and time (the labels alone, such as "In 1 hour", do not).
  expect(texts.length).toBeGreaterThanOrEqual(4);
  for (const text of texts) expect(text).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[\s\S]*\d{1,2}:\d{2}/);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: /Resolve/ }).click();
  const toast = page.getByRole("status").filter({ hasText: `Resolved #${conversation.number}` });
  await expect(toast).toBeVisible();
  const toastBox = (await toast.boundingBox())!;
  const composerBox = (await page.getByRole("form", { name: "Composer" }).boundingBox())!;
  expect(toastBox.y + toastBox.height <= composerBox.y || toastBox.y >= composerBox.y + composerBox.height).toBe(true);
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("main").getByText("open", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Resolve/ })).toBeVisible();
});

test.describe("on a phone", () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  test("a usable header, no keyboard hints, and drawers that close", async ({ page, request }) => {
    const subject = unique("Phone ");
    const conversation = await createConversationViaApi(request, { subject, description: "From a phone" });
    await openInbox(page, "?view=all");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sarah Connor", exact: true })).toBeVisible();
    await expect(page.locator("kbd").first()).toBeHidden();
    await page.getByRole("button", { name: "Views" }).click();
    await page.getByRole("button", { name: "Close views" }).click();
    await expect(page.getByRole("button", { name: "Close views" })).toHaveCount(0);
    await page.goto(`/inbox?view=all&c=${conversation.number}`);
    await expect(threadHeading(page)).toContainText(subject);
    await page.getByRole("button", { name: "Details" }).click();
    await page.getByRole("button", { name: "Close details" }).click();
    await expect(page.getByRole("button", { name: "Close details" })).toHaveCount(0);
    const header = (await page.locator("header").first().boundingBox())!;
    expect(header.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});

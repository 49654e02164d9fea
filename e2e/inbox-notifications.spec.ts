import { expect, test, type Page } from "@playwright/test";
import { dexra, logIn } from "./fixtures";
import { createConversationViaApi, customerReplyViaApi, demoKeys, unique } from "./inbox-helpers";

// The browser's Notification is wrapped so the test can read what was shown, and document.hasFocus() answers
// what the test says: "the agent is in another window" without depending on how a headless browser reports focus.
const RECORD_NOTIFICATIONS = () => {
  const shown: { title: string; body: string; tag: string }[] = [];
  (window as unknown as { __shown: typeof shown }).__shown = shown;
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body ?? "", tag: options?.tag ?? "" });
    }
  }
  Object.defineProperty(window, "Notification", { value: Recorded, configurable: true, writable: true });
  const realHasFocus = document.hasFocus.bind(document);
  document.hasFocus = () => ((window as unknown as { __away?: boolean }).__away ? false : realHasFocus());
};

const shown = (page: Page) => page.evaluate(() => (window as unknown as { __shown: { title: string; body: string; tag: string }[] }).__shown);
const setAway = (page: Page, away: boolean) => page.evaluate((value) => ((window as unknown as { __away: boolean }).__away = value), away);

test("an agent who opted in gets a desktop notification for a customer message in Mine, only while away", async ({ browser, request }) => {
  test.setTimeout(90_000);
  // An agent of its own: its preference and its Mine view are touched by no other spec.
  const email = `${unique("notify-")}@example.com`;
  dexra("create-agent", "--org", demoKeys().organization_id, "--email", email, "--password", "notify-password-1", "--role", "agent");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, permissions: ["notifications"] });
  await context.addInitScript(RECORD_NOTIFICATIONS);
  const page = await context.newPage();
  await logIn(page, email, "notify-password-1");
  await expect(page).toHaveURL(/\/inbox/);

  // Opt in on the profile; the choice is kept.
  await page.goto("/profile");
  const optIn = page.getByRole("checkbox", { name: /Desktop notification when a customer writes/ });
  await expect(optIn).not.toBeChecked();
  await optIn.check();
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("Notification preferences saved.")).toBeVisible();
  await page.reload();
  await expect(optIn).toBeChecked();

  const customer = `${unique("notified-")}@customer.example`;
  const mine = await createConversationViaApi(request, { subject: unique("Mine to notify "), user_email: customer, description: "Hello" });
  const claimed = await request.post(`/api/v1/conversations/${mine.id}/claim/`, { headers: { Authorization: `Bearer ${demoKeys().server_key}` }, data: { agent_email: email } });
  expect(claimed.ok()).toBe(true);
  const notMine = await createConversationViaApi(request, { subject: unique("Not mine "), user_email: customer, description: "Hello" });

  await page.goto("/inbox?view=mine");
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("conversation-list").getByText(mine.subject)).toBeVisible();

  // While the agent looks at the inbox: nothing. Then, away: a message elsewhere (not assigned to them) shows
  // nothing, one in Mine does. The stream delivers in order, so once the last is shown the others were handled.
  await customerReplyViaApi(request, mine, customer, "Seen while looking");
  await expect(page.getByTestId("conversation-list").getByText("Seen while looking")).toBeVisible({ timeout: 10_000 });
  await setAway(page, true);
  await customerReplyViaApi(request, notMine, customer, "Not assigned to you");
  await customerReplyViaApi(request, mine, customer, "Are you there?");
  await expect.poll(() => shown(page), { timeout: 10_000 }).toHaveLength(1);
  const [note] = await shown(page);
  expect(note).toMatchObject({ body: `#${mine.number} ${mine.subject}`, tag: mine.id });
  expect(note!.title).toMatch(/^New message from \S/);
  await context.close();
});

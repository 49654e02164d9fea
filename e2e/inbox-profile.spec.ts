import { expect, test } from "@playwright/test";
import { dexra, logIn } from "./fixtures";
import { createConversationViaApi, demoKeys, signInAs, threadHeading, unique } from "./inbox-helpers";

test("an agent (role agent) has a profile: name, signature on replies, availability, canned replies; settings stay hidden", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const alex = await signInAs(browser, "alex@example.com");
  await expect(alex.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  // A settings URL typed by hand: a styled page with a way back, not a bare 404.
  await alex.goto("/settings/api-keys");
  await expect(alex.getByRole("heading", { name: "This page isn't available" })).toBeVisible();
  await alex.getByRole("link", { name: "Your profile" }).click();
  await expect(alex.getByRole("heading", { name: "Your profile" })).toBeVisible();

  const signature = unique("— Alex from Acme ");
  await alex.getByRole("textbox", { name: "Signature" }).fill(signature);
  await alex.getByRole("button", { name: "Save profile" }).click();
  await expect(alex.getByText("Profile saved.")).toBeVisible();
  await alex.getByRole("combobox", { name: "Availability" }).selectOption("away");
  await alex.getByRole("button", { name: "Set availability" }).click();
  await expect(alex.getByText("Availability saved.")).toBeVisible();
  const shortcut = unique("mine").toLowerCase().slice(0, 20);
  await alex.getByRole("textbox", { name: "Title" }).fill("My thanks");
  await alex.getByRole("textbox", { name: "Shortcut" }).fill(shortcut);
  await alex.getByRole("textbox", { name: "Body" }).fill("Thanks a lot!");
  await alex.getByRole("button", { name: "Add canned reply" }).click();
  await expect(alex.getByRole("list", { name: "Your canned replies" })).toContainText(`/${shortcut}`);

  await alex.reload();
  await expect(alex.getByRole("combobox", { name: "Availability" })).toHaveValue("away");
  await expect(alex.getByRole("textbox", { name: "Signature" })).toHaveValue(signature);

  // The signature closes a reply.
  const subject = unique("Signature check ");
  const conversation = await createConversationViaApi(request, { subject, description: "Hello?" });
  await alex.goto(`/inbox?view=all&c=${conversation.number}`);
  await expect(threadHeading(alex)).toContainText(subject);
  await alex.getByRole("textbox", { name: "Reply to the customer" }).fill("We are on it.");
  await alex.keyboard.press("Control+Enter");
  const reply = alex.getByRole("log", { name: "Messages" }).locator('[data-message-kind="outbound"]').last();
  await expect(reply).toContainText("We are on it.");
  await expect(reply).toContainText(signature);
  await alex.context().close();
});

test("changing the password signs out the agent's other sessions but keeps this one", async ({ browser }) => {
  test.setTimeout(90_000);
  // An agent of its own, so no other test signs in with the password this one changes.
  const email = `${unique("pw-")}@example.com`;
  dexra("create-agent", "--org", demoKeys().organization_id, "--email", email, "--password", "old-password-1", "--role", "agent");
  const open = async () => {
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await logIn(page, email, "old-password-1");
    await expect(page).toHaveURL(/\/inbox/);
    return page;
  };
  const first = await open();
  const second = await open();
  await first.goto("/profile");
  await first.getByRole("textbox", { name: "Current password" }).fill("old-password-1");
  await first.getByRole("textbox", { name: "New password", exact: true }).fill("new-password-2");
  await first.getByRole("textbox", { name: "Repeat new password" }).fill("new-password-2");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByRole("status").filter({ hasText: "Password changed. Your other sessions were signed out." })).toBeVisible();
  await first.goto("/inbox");
  await expect(first).toHaveURL(/\/inbox/);
  // The other browser is signed out: its open inbox goes to the sign-in page by itself once its live stream closes
  // (navigating it meanwhile would race that redirect), and otherwise on the next page it opens.
  await second.waitForURL(/\/login/, { timeout: 15_000 }).catch(() => second.goto("/inbox"));
  await expect(second).toHaveURL(/\/login/);
  await first.context().close();
  await second.context().close();
});

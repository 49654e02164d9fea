import { expect, test } from "@playwright/test";
import { createConversationViaApi, customerReplyViaApi, openInbox, serverGet, signInAs, threadHeading, unique } from "./inbox-helpers";

test("a customer message created through the API appears in two agents' inboxes without reload", async ({ page, browser, request }) => {
  const sam = await signInAs(browser, "sam@example.com");
  await openInbox(page, "?view=unassigned");
  await openInbox(sam, "?view=unassigned");

  const email = `${unique("live-")}@customer.example`;
  const subject = unique("Live delivery question ");
  const conversation = await createConversationViaApi(request, { subject, user_email: email, description: "Where is my parcel?" });
  for (const agent of [page, sam]) await expect(agent.getByTestId("conversation-list").getByText(subject)).toBeVisible({ timeout: 10_000 });

  // Both open the thread; the customer's follow-up appears in it, again without reload.
  for (const agent of [page, sam]) await agent.getByTestId("conversation-list").getByText(subject).click();
  await expect(threadHeading(page)).toContainText(subject);
  const followUp = unique("It has arrived, thanks ");
  await customerReplyViaApi(request, conversation, email, followUp);
  for (const agent of [page, sam]) await expect(agent.getByRole("log", { name: "Messages" }).getByText(followUp)).toBeVisible({ timeout: 10_000 });
  // Collision detection: each sees the other viewing.
  await expect(page.getByTestId("presence")).toContainText("Sam Rivera is viewing", { timeout: 20_000 });
  await sam.context().close();
});

test("agent A claims; agent B's stale claim shows the conflict, rolls back, and offers Take over", async ({ page, browser, request }) => {
  const subject = unique("Claim race ");
  const conversation = await createConversationViaApi(request, { subject, description: "Who takes this one?" });
  const sam = await signInAs(browser, "sam@example.com");
  await openInbox(page, `?view=all&c=${conversation.number}`);
  // B's screen does not hear A's claim (its live stream is cut), so B still sees the conversation unassigned.
  await sam.route("**/api/inbox/live**", (route) => route.abort());
  await sam.goto(`/inbox?view=all&c=${conversation.number}`);
  await expect(threadHeading(sam)).toContainText(subject);

  await page.getByRole("button", { name: /Assign to me/ }).click();
  await expect(page.getByRole("main").getByText("Assigned to Sarah Connor")).toBeVisible();
  await expect(page.getByRole("button", { name: /Assign to me/ })).toHaveCount(0);
  // What A sees is optimistic: wait until the claim is committed before B tries.
  await expect.poll(async () => (await serverGet(request, `/api/v1/conversations/${conversation.id}/`)).assignee?.email, { timeout: 10_000 }).toBe("sarah@example.com");

  await sam.getByRole("button", { name: /Assign to me/ }).click();
  const conflict = sam.getByRole("alert").filter({ hasText: "Already assigned" });
  await expect(conflict).toHaveText(/Already assigned to Sarah Connor/);
  await expect(sam.getByRole("main").getByText("Assigned to Sam Rivera")).toHaveCount(0);
  // Not a dead end: the refusal offers to take it over.
  await conflict.getByRole("button", { name: "Take over" }).click();
  await expect(sam.getByRole("main").getByText("Assigned to Sam Rivera")).toBeVisible();
  // A's screen follows, and now offers A the same: take it back over rather than "Assign to me".
  await expect(page.getByRole("main").getByText("Assigned to Sam Rivera")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Take over from Sam Rivera" })).toBeVisible();
  await sam.context().close();
});

test("back after a long absence, the inbox refetches what it missed while its live stream was silent", async ({ page, request }) => {
  const email = `${unique("absent-")}@customer.example`;
  const subject = unique("While you were away ");
  const conversation = await createConversationViaApi(request, { subject, user_email: email, description: "First message" });
  // A stream that opens, says nothing and ends, asking the browser to wait an hour before reconnecting: like a
  // laptop lid closed on a background tab, events stop and no reconnect will refetch for us.
  await page.route("**/api/inbox/live**", (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/event-stream", "cache-control": "no-store" }, body: "retry: 3600000\n\n" }),
  );
  await page.clock.install();
  await page.goto(`/inbox?view=all&c=${conversation.number}`);
  await expect(threadHeading(page)).toContainText(subject);
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("First message")).toBeVisible();
  // The thread above is server-rendered: wait until the app has hydrated and its stream has opened and ended
  // (it then listens for blur and focus), or the blur below would reach no listener.
  await expect(page.getByRole("status").filter({ hasText: /^Reconnecting…$/ })).toBeVisible({ timeout: 15_000 });

  await page.evaluate(() => window.dispatchEvent(new Event("blur")));
  const missed = unique("Sent while the agent was away ");
  await customerReplyViaApi(request, conversation, email, missed);
  await page.clock.fastForward("02:00");
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(log.getByText(missed)).toBeVisible({ timeout: 10_000 });
});

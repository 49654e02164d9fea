import { expect, test, type Page } from "@playwright/test";
import { demoKeys, openInbox, serverGet, unique } from "./inbox-helpers";
import { hostUrl, startHostSite, userHash, visit } from "./widget-host";

// Files and quick replies in the messenger, against the inbox and the public API (same host site as widget.spec.ts).
test.describe.configure({ mode: "serial" });
let site: Awaited<ReturnType<typeof startHostSite>>;
test.beforeAll(async ({}, info) => {
  site = await startHostSite(info.project.use.baseURL!);
});
test.afterAll(async () => site.close());

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f80f0000040101005fd8e4a20000000049454e44ae426082", "hex");
const chat = (page: Page) => page.frameLocator('iframe[title="Dexra chat"]');
const log = (page: Page) => chat(page).getByRole("log", { name: "Messages" });
const server = () => ({ Authorization: `Bearer ${demoKeys().server_key}` });

/** A verified visitor with one conversation open in the messenger; returns its id and number. */
async function visitorInConversation(browser: Parameters<typeof visit>[0], request: Parameters<typeof serverGet>[0]) {
  const keys = demoKeys();
  const email = `${unique("files-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email), first_name: "Nadia" } }));
  await page.getByRole("button", { name: "Open chat" }).click();
  const subject = unique("Files please ");
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await chat(page).getByRole("textbox", { name: "Write your message…" }).fill(subject);
  await chat(page).getByRole("textbox", { name: "Write your message…" }).press("Enter");
  await expect(log(page).getByText(subject)).toBeVisible({ timeout: 10_000 });
  const list = await serverGet(request, `/api/v1/conversations/?user_email=${encodeURIComponent(email)}`);
  const conversation = list.results[0] as { id: string; number: number };
  return { page, email, conversation };
}

test("a visitor attaches an image with the attach button: thumbnail in the messenger, image in the inbox thread", async ({ page: agent, browser, request }) => {
  const { page, conversation } = await visitorInConversation(browser, request);
  const chooser = page.waitForEvent("filechooser");
  await chat(page).getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles({ name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await expect(chat(page).getByRole("list", { name: "Files to send" })).toContainText("receipt.png");
  await chat(page).getByRole("textbox", { name: "Write a reply…" }).fill("Here is my receipt");
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(log(page).getByRole("img", { name: "receipt.png" })).toBeVisible({ timeout: 10_000 });
  await expect(chat(page).getByRole("list", { name: "Files to send" })).toHaveCount(0);
  await expect(chat(page).getByRole("textbox", { name: "Write a reply…" })).toHaveValue("");
  // The thumbnail is the real file, served inline from the signed URL.
  await expect.poll(() => log(page).getByRole("img", { name: "receipt.png" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  await openInbox(agent, `?view=all&c=${conversation.number}`);
  const thread = agent.getByRole("log", { name: "Messages" });
  await expect(thread.getByText("Here is my receipt")).toBeVisible();
  await expect(thread.getByRole("img", { name: "receipt.png" })).toBeVisible();

  // A file dropped on the thread and an image pasted into the composer go out alone (named in the body).
  const dataTransfer = await chat(page).locator("main.thread").evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["order 1234\n"], "order.txt", { type: "text/plain" }));
    return dt;
  });
  await chat(page).locator("main.thread").dispatchEvent("drop", { dataTransfer });
  await chat(page).getByRole("textbox", { name: "Write a reply…" }).evaluate((area, bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [...PNG]);
  await expect(chat(page).getByRole("list", { name: "Files to send" }).getByRole("listitem")).toHaveText([/^order\.txt/, /^pasted\.png/]);
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(log(page).getByRole("link", { name: /order\.txt/ })).toBeVisible({ timeout: 10_000 });
  await expect(log(page).getByRole("img", { name: "pasted.png" })).toBeVisible();
  await expect(log(page).getByText("order.txt, pasted.png")).toBeVisible();
  await expect(thread.getByRole("link", { name: /order\.txt/ })).toBeVisible({ timeout: 10_000 });
  await expect(thread.getByRole("img", { name: "pasted.png" })).toBeVisible();
  await page.context().close();
});

test("New conversation with a file: an anonymous visitor's very first message carries the image, in the messenger and the inbox", async ({ page: agent, browser, request }) => {
  const keys = demoKeys();
  // No identify(): a visitor with nothing but the publishable key, as on any public page.
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key }));
  await page.getByRole("button", { name: "Open chat" }).click();
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  const chooser = page.waitForEvent("filechooser");
  await chat(page).getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles({ name: "broken-screen.png", mimeType: "image/png", buffer: PNG });
  await expect(chat(page).getByRole("list", { name: "Files to send" })).toContainText("broken-screen.png");
  const text = unique("My screen broke ");
  await chat(page).getByRole("textbox", { name: "Write your message…" }).fill(text);
  await chat(page).getByRole("button", { name: "Send" }).click();
  // The conversation opens with the first message and its image (the real file: it decodes).
  await expect(log(page).getByText(text)).toBeVisible({ timeout: 10_000 });
  await expect(log(page).getByRole("img", { name: "broken-screen.png" })).toBeVisible();
  await expect.poll(() => log(page).getByRole("img", { name: "broken-screen.png" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(chat(page).getByRole("list", { name: "Files to send" })).toHaveCount(0);

  const found = await serverGet(request, `/api/v1/conversations/?q=${encodeURIComponent(text)}`);
  const conversation = found.results[0] as { id: string; number: number };
  const messages = await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`);
  expect(messages.count).toBe(1);
  await openInbox(agent, `?view=all&c=${conversation.number}`);
  const thread = agent.getByRole("log", { name: "Messages" });
  await expect(thread.getByText(text)).toBeVisible();
  await expect(thread.getByRole("img", { name: "broken-screen.png" })).toBeVisible();

  // The anonymous visitor keeps chatting in the same conversation (the token minted for the upload is theirs).
  await chat(page).getByRole("textbox", { name: "Write a reply…" }).fill("Any news?");
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(thread.getByText("Any news?")).toBeVisible({ timeout: 10_000 });
  await page.context().close();
});

test("New conversation: a refused file stops the first message with a clear message, then the text goes alone", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("first-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email) } }));
  await page.getByRole("button", { name: "Open chat" }).click();
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await chat(page).getByLabel("Files to attach").setInputFiles({ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 7) });
  await chat(page).getByRole("textbox", { name: "Write your message…" }).fill("First words");
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(chat(page).getByRole("alert")).toHaveText("“huge.bin” is too large to send. Nothing was sent.", { timeout: 20_000 });
  expect((await serverGet(request, `/api/v1/conversations/?user_email=${encodeURIComponent(email)}`)).count).toBe(0);
  await chat(page).getByRole("button", { name: "Remove huge.bin" }).click();
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(log(page).getByText("First words")).toBeVisible({ timeout: 10_000 });
  await page.context().close();
});

test("files an agent sends from the inbox and through the API show in the messenger: images inline, others downloadable", async ({ page: agent, browser, request }) => {
  const { page, email, conversation } = await visitorInConversation(browser, request);
  await openInbox(agent, `?view=all&c=${conversation.number}`);
  const textbox = agent.getByRole("textbox", { name: "Reply to the customer" });
  const dataTransfer = await agent.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["Step 1: unplug it\n"], "manual.txt", { type: "text/plain" }));
    return dt;
  });
  await textbox.dispatchEvent("drop", { dataTransfer });
  await expect(agent.getByLabel("Files to send")).toContainText("manual.txt");
  await expect(agent.getByLabel("Files to send")).not.toContainText("uploading");
  await expect(agent.getByLabel("Files to send")).toHaveText(/^📎 manual.txt\s*✕$/);
  await textbox.fill("The manual is attached");
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.getByRole("log", { name: "Messages" }).getByRole("link", { name: /manual\.txt/ })).toBeVisible({ timeout: 10_000 });
  await expect(log(page).getByText("The manual is attached")).toBeVisible({ timeout: 10_000 });
  const link = log(page).getByRole("link", { name: /manual\.txt/ });
  await expect(link).toBeVisible({ timeout: 10_000 });
  const download = await request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe("Step 1: unplug it\n");

  // An integration uploads an image with the server key and sends it as a media message.
  const uploaded = await request.post("/api/v1/attachments/", { headers: server(), multipart: { file: { name: "label.png", mimeType: "image/png", buffer: PNG } } });
  expect(uploaded.status()).toBe(201);
  const { id } = await uploaded.json();
  const sent = await request.post("/api/v1/send-message/", { headers: server(), data: { recipient_id: email, channel: "web", message_type: "media", attachment_ids: [id], conversation_id: conversation.id } });
  expect(sent.status()).toBe(201);
  await expect(log(page).getByRole("img", { name: "label.png" })).toBeVisible({ timeout: 10_000 });
  await page.context().close();
});

test("a file over the limit, or a program, is refused with a clear message and nothing is sent", async ({ browser, request }) => {
  const { page, conversation } = await visitorInConversation(browser, request);
  const before = (await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`)).count;
  // 25 MiB is the server's limit in the test server; one byte more is refused with 413.
  await chat(page).getByLabel("Files to attach").setInputFiles({ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 7) });
  await chat(page).getByRole("textbox", { name: "Write a reply…" }).fill("Too big?");
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(chat(page).getByRole("alert")).toHaveText("“huge.bin” is too large to send. Nothing was sent.", { timeout: 20_000 });
  await expect(log(page).getByText("Too big?")).toHaveCount(0);
  expect((await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`)).count).toBe(before);
  // A program is refused by its type, whatever it is called.
  await chat(page).getByRole("button", { name: "Remove huge.bin" }).click();
  await chat(page).getByLabel("Files to attach").setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ not really a program") });
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(chat(page).getByRole("alert")).toHaveText("“setup.exe” is a type of file we can't accept. Nothing was sent.", { timeout: 20_000 });
  expect((await serverGet(request, `/api/v1/conversations/${conversation.id}/messages/`)).count).toBe(before);
  // The visitor can take the file away and send the text.
  await chat(page).getByRole("button", { name: "Remove setup.exe" }).click();
  await chat(page).getByRole("button", { name: "Send" }).click();
  await expect(log(page).getByText("Too big?")).toBeVisible({ timeout: 10_000 });
  await page.context().close();
});

test("quick replies from send-message show as buttons; a click answers with its value and hides them", async ({ page: agent, browser, request }) => {
  const { page, email, conversation } = await visitorInConversation(browser, request);
  const sent = await request.post("/api/v1/send-message/", {
    headers: server(),
    data: { recipient_id: email, channel: "web", message_type: "button", text: "Did that solve it?", buttons: [{ label: "Yes, thanks", value: "Solved, thank you" }, { label: "No", value: "Still broken" }], conversation_id: conversation.id },
  });
  expect(sent.status()).toBe(201);
  const group = log(page).getByRole("group", { name: "Quick replies" });
  await expect(group.getByRole("button")).toHaveText(["Yes, thanks", "No"], { timeout: 10_000 });
  await group.getByRole("button", { name: "Yes, thanks" }).click();
  await expect(log(page).locator("li.me").getByText("Solved, thank you")).toBeVisible({ timeout: 10_000 });
  await expect(group).toHaveCount(0);
  await openInbox(agent, `?view=all&c=${conversation.number}`);
  await expect(agent.getByRole("log", { name: "Messages" }).getByText("Solved, thank you")).toBeVisible();
  await page.context().close();
});

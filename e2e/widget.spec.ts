import { expect, test, type Page, type Response as PlaywrightResponse } from "@playwright/test";
import { SignJWT } from "jose";
import { dexra, logIn } from "./fixtures";
import { demoKeys, openInbox, serverGet, unique } from "./inbox-helpers";
import { hostUrl, startHostSite, userHash, visit } from "./widget-host";

// One customer site for the whole file (a random port on "localhost"; the app is on 127.0.0.1).
test.describe.configure({ mode: "serial" });
let site: Awaited<ReturnType<typeof startHostSite>>;
let appUrl: string;
test.beforeAll(async ({}, info) => {
  appUrl = info.project.use.baseURL!;
  site = await startHostSite(appUrl);
});
test.afterAll(async () => site.close());

const chat = (page: Page) => page.frameLocator('iframe[title="Dexra chat"]');
const launcher = (page: Page) => page.getByRole("button", { name: /Open chat|Close chat/ });

async function startConversation(page: Page, text: string) {
  const frame = chat(page);
  await frame.getByRole("button", { name: "New conversation" }).click();
  await frame.getByRole("textbox", { name: "Write your message…" }).fill(text);
  await frame.getByRole("textbox", { name: "Write your message…" }).press("Enter");
  await expect(frame.getByRole("log", { name: "Messages" }).getByText(text)).toBeVisible({ timeout: 10_000 });
}

async function conversationsOf(request: Parameters<typeof serverGet>[0], email: string) {
  return (await serverGet(request, `/api/v1/conversations/?user_email=${encodeURIComponent(email)}`)).results as { id: string; number: number; subject: string; channel: string; metadata: Record<string, unknown> }[];
}

test("an identified visitor starts two conversations; replies and typing travel live both ways with an unread badge", async ({ page: agent, browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("amine-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email), first_name: "Amine", last_name: "Visitor" } }));
  await launcher(page).click();
  await expect(chat(page).getByRole("heading", { name: "Hi Amine" })).toBeVisible();
  const first = unique("Where is my order ");
  const second = unique("Invoice question ");
  await startConversation(page, first);
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();
  await startConversation(page, second);
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();
  await expect(chat(page).getByRole("list", { name: "Your conversations" }).getByRole("listitem")).toHaveCount(2);

  const conversations = await conversationsOf(request, email);
  expect(conversations.map((c) => c.channel)).toEqual(["web", "web"]);
  const target = conversations.find((c) => c.subject === first)!;
  expect(target.metadata.page_url).toContain(`localhost:${site.port}`);

  await openInbox(agent, `?view=all&c=${target.number}`);
  await expect(agent.getByTestId("requester-verification")).toHaveText("Verified visitor");
  await expect(agent.getByText(`localhost:${site.port}`)).toBeVisible();

  // The agent types: the visitor, looking at that conversation, sees it.
  await chat(page).getByRole("button", { name: new RegExp(first) }).click();
  await agent.getByRole("textbox", { name: "Reply to the customer" }).pressSequentially("On it");
  await expect(chat(page).getByRole("status").filter({ hasText: "Sarah is typing…" })).toBeVisible({ timeout: 10_000 });
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill("");
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();

  // The messenger is closed: the reply lights the launcher's badge.
  await launcher(page).click();
  await expect(launcher(page)).toHaveAccessibleName("Open chat");
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill("We shipped it **today**");
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(launcher(page)).toHaveAccessibleName("Open chat, 1 unread", { timeout: 10_000 });
  await launcher(page).click();
  await chat(page).getByRole("button", { name: new RegExp(first) }).click();
  await expect(chat(page).getByRole("log", { name: "Messages" }).locator("strong", { hasText: "today" })).toBeVisible();
  await expect(launcher(page)).toHaveAccessibleName("Close chat");

  // The visitor types (the agent sees it) and answers (the agent's thread shows it without reload).
  const composer = chat(page).getByRole("textbox", { name: "Write a reply…" });
  await composer.pressSequentially("Thank");
  await expect(agent.getByTestId("presence")).toContainText("Amine Visitor is typing", { timeout: 10_000 });
  const answer = unique("Thanks, got it ");
  await composer.fill(answer);
  await composer.press("Enter");
  await expect(agent.getByRole("log", { name: "Messages" }).getByText(answer)).toBeVisible({ timeout: 10_000 });
  // Escape closes the messenger from the keyboard and gives focus back to the launcher.
  await composer.press("Escape");
  await expect(launcher(page)).toHaveAccessibleName("Open chat");
  await expect(launcher(page)).toBeFocused();
  await page.context().close();
});

test("the host page can read neither the messenger's DOM nor its storage", async ({ browser }) => {
  const keys = demoKeys();
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key }));
  await launcher(page).click();
  await startConversation(page, unique("Anonymous hello "));
  const probe = await page.evaluate(() => {
    const frame = document.querySelector("[data-dexra]")!.shadowRoot!.querySelector("iframe")!;
    const attempt = (read: () => unknown) => {
      try {
        return String(read());
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    };
    return {
      dom: attempt(() => frame.contentWindow!.document.body.innerHTML),
      storage: attempt(() => frame.contentWindow!.localStorage.length),
      hostStorage: Object.keys(localStorage).join(","),
    };
  });
  expect(probe.dom).toBe("blocked: SecurityError");
  expect(probe.storage).toBe("blocked: SecurityError");
  expect(probe.hostStorage).toBe("");
  // Messages that do not come from the messenger's own window and origin are ignored by the loader.
  await page.evaluate(
    () =>
      new Promise((delivered) => {
        // Messages from one window arrive in order: once the last is here, the loader has seen the forged ones.
        window.addEventListener("message", (e) => e.data === "sent" && delivered(null));
        window.postMessage({ type: "dexra:unread", count: 7 }, "*");
        window.postMessage({ type: "dexra:close" }, "*");
        window.postMessage("sent", "*");
      }),
  );
  await expect(launcher(page)).toHaveAccessibleName("Close chat");
  await page.context().close();
});

test("an anonymous visitor who then identifies keeps the conversation", async ({ page: agent, browser, request }) => {
  const keys = demoKeys();
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key }));
  await launcher(page).click();
  const text = unique("Before signing in ");
  await startConversation(page, text);

  const email = `${unique("later-")}@example.ma`;
  await page.evaluate(([e, h]) => (window as unknown as { Dexra: { identify: (i: object) => void } }).Dexra.identify({ email: e, user_hash: h }), [email, userHash(keys.identity_secret, email)]);
  await expect.poll(async () => (await conversationsOf(request, email)).map((c) => c.subject)).toEqual([text]);
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();
  await expect(chat(page).getByRole("button", { name: new RegExp(text) })).toBeVisible();
  const [conversation] = await conversationsOf(request, email);
  await openInbox(agent, `?view=all&c=${conversation!.number}`);
  await expect(agent.getByTestId("requester-verification")).toHaveText("Verified visitor");
  await page.context().close();
});

test("SBUser(...).update() without a hash names the visitor in the inbox, marked unverified", async ({ page: agent, browser, request }) => {
  const keys = demoKeys();
  const claimed = `${unique("sb-")}@example.ma`;
  const first = unique("Amine");
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, sbuser: [{ first_name: first, email: claimed, user_type: "premium" }, { account_manager: "Sarah" }] }));
  await launcher(page).click();
  const text = unique("Premium question ");
  await startConversation(page, text);
  // The claimed email finds nobody: the conversation belongs to an anonymous visitor with that name.
  expect(await conversationsOf(request, claimed)).toEqual([]);
  const found = (await serverGet(request, `/api/v1/conversations/?q=${encodeURIComponent(`"${text}"`)}`)).results[0];
  await openInbox(agent, `?view=all&c=${found.number}`);
  const details = agent.getByRole("complementary", { name: "Conversation details" });
  await expect(details.getByText(first, { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(details.getByTestId("requester-verification")).toHaveText(`Unverified visitor (says ${claimed})`);
  await page.context().close();
});

test("a resolved conversation asks for a rating, which agents see with its comment", async ({ page: agent, browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("rate-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email) } }));
  await launcher(page).click();
  await startConversation(page, unique("Please close me "));
  const [conversation] = await conversationsOf(request, email);
  const resolved = await request.post(`/api/v1/conversations/${conversation!.id}/resolve/`, { headers: { Authorization: `Bearer ${keys.server_key}` } });
  expect(resolved.status()).toBe(200);
  const rating = chat(page).getByRole("form", { name: "Rate this conversation" });
  await expect(rating).toBeVisible({ timeout: 10_000 });
  await rating.getByRole("button", { name: "4 out of 5" }).click();
  await rating.getByRole("textbox", { name: "Comment (optional)" }).fill("Quick and kind");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(chat(page).getByText("Thanks for your rating!")).toBeVisible();
  const activity = await serverGet(request, `/api/v1/conversations/${conversation!.id}/activity/`);
  expect(JSON.stringify(activity)).toContain("Quick and kind");
  await openInbox(agent, `?view=all&c=${conversation!.number}`);
  // The inbox shows the rating in the thread (since 8b385ea), with its comment.
  const shown = agent.getByRole("log", { name: "Messages" }).getByRole("region", { name: "Customer rating" });
  await expect(shown.getByText("4/5")).toBeVisible();
  await expect(shown.getByText("Quick and kind")).toBeVisible();
  await page.context().close();
});

test("a client key never receives a private note on the widget stream", async ({ request }) => {
  const keys = demoKeys();
  const email = `${unique("stream-")}@example.ma`;
  const identity = { Authorization: `Bearer ${keys.client_key}`, "X-Dexra-User-Email": email, "X-Dexra-User-Hash": userHash(keys.identity_secret, email) };
  const created = await request.post("/api/v1/conversations/create/", { headers: identity, data: { subject: "Stream", description: "hi", channel: "web" } });
  expect(created.status()).toBe(201);
  const conversation = await created.json();
  const abort = new AbortController();
  const response = await fetch(`${appUrl}/api/widget/stream`, { headers: identity, signal: abort.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let raw = "";
  await reader.read(); // the stream is open and subscribed
  const server = { Authorization: `Bearer ${keys.server_key}` };
  const note = unique("PRIVATE-NOTE-");
  await request.post(`/api/v1/conversations/${conversation.id}/messages/create/`, { headers: server, data: { body: note, user_email: "sarah@example.com", message_type: "note" } });
  await request.post(`/api/v1/conversations/${conversation.id}/messages/create/`, { headers: server, data: { body: "public reply", user_email: "sarah@example.com" } });
  const deadline = Date.now() + 10_000;
  while (!raw.includes('"type":"message"') && Date.now() < deadline) raw += (await reader.read()).value ?? "";
  abort.abort();
  expect(raw).toContain(`{"type":"message","conversation_id":"${conversation.id}"}`);
  expect(raw).not.toContain("note");
  const messages = await (await request.get(`/api/v1/conversations/${conversation.id}/messages/`, { headers: identity })).json();
  expect(JSON.stringify(messages)).not.toContain(note);
});

test("bad keys and other origins get no messenger and a console error naming why", async ({ browser }) => {
  const org = dexra("create-org", "--name", unique("Widget org "), "--owner-email", `${unique("owner-")}@example.test`, "--owner-password", "a long widget password");

  const unknown = await visit(browser, hostUrl(site.port, { key: "pk_live_" + "x".repeat(32) }));
  await expect.poll(() => unknown.errors.join("\n")).toContain("unknown or revoked");
  await expect(launcher(unknown.page)).toHaveCount(0);
  await unknown.page.context().close();

  const secret = await visit(browser, hostUrl(site.port, { key: org.server_key! }));
  await expect.poll(() => secret.errors.join("\n")).toContain("secret server key");
  await expect(launcher(secret.page)).toHaveCount(0);
  await secret.page.context().close();
});

test("an admin limits the widget to allowed domains; a page elsewhere gets no messenger", async ({ browser }) => {
  const ownerEmail = `${unique("owner-")}@example.test`;
  const org = dexra("create-org", "--name", unique("Domains org "), "--owner-email", ownerEmail, "--owner-password", "a long widget password");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await context.newPage();
  await logIn(admin, ownerEmail, "a long widget password");
  await expect(admin).toHaveURL(/\/inbox/);
  await admin.goto("/settings/widget");
  await admin.getByLabel("Allowed domains").fill(`http://localhost:${site.port}`);
  await admin.getByLabel("Launcher label").fill("Talk to Acme");
  await admin.getByLabel("Colour").fill("#112233");
  await admin.getByLabel("Position").selectOption("left");
  await admin.getByLabel("Greeting").fill("Hello from Acme support");
  await admin.getByLabel("Pre-chat fields").fill("order | Order number | text | required");
  await expect(admin.getByRole("figure", { name: "Live preview" })).toContainText("Talk to Acme");
  await admin.getByRole("button", { name: "Save widget settings" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Widget settings saved." })).toBeVisible();
  await admin.getByRole("button", { name: "Create a widget key" }).click();
  await expect(admin.getByLabel("Widget snippet")).toContainText("pk_live_");
  await context.close();

  const elsewhere = await visit(browser, `http://127.0.0.1:${site.port}/?key=${org.client_key}`);
  await expect.poll(() => elsewhere.errors.join("\n")).toContain(`origin (http://127.0.0.1:${site.port}) is not in the widget's allowed domains`);
  await expect(launcher(elsewhere.page)).toHaveCount(0);
  await elsewhere.page.context().close();

  const allowed = await visit(browser, hostUrl(site.port, { key: org.client_key! }));
  await expect(allowed.page.getByRole("button", { name: "Open chat" })).toContainText("Talk to Acme");
  // The look chosen in settings: colour and side of the launcher, the greeting inside.
  await expect(launcher(allowed.page)).toHaveCSS("background-color", "rgb(17, 34, 51)");
  expect((await launcher(allowed.page).boundingBox())!.x).toBeLessThan(100);
  await launcher(allowed.page).click();
  await expect(chat(allowed.page).getByText("Hello from Acme support")).toBeVisible();
  await launcher(allowed.page).click();
  // The pre-chat field is asked before an anonymous visitor's first message and kept on the conversation.
  await launcher(allowed.page).click();
  await chat(allowed.page).getByRole("button", { name: "New conversation" }).click();
  await chat(allowed.page).getByRole("textbox", { name: "Order number" }).fill("A-1042");
  await chat(allowed.page).getByRole("textbox", { name: "Write your message…" }).fill("Where is order A-1042?");
  // Closing and reopening redraws the screen: what was typed stays.
  await launcher(allowed.page).click();
  await launcher(allowed.page).click();
  await expect(chat(allowed.page).getByRole("textbox", { name: "Order number" })).toHaveValue("A-1042");
  await chat(allowed.page).getByRole("button", { name: "Send" }).click();
  await expect(chat(allowed.page).getByRole("log", { name: "Messages" }).getByText("Where is order A-1042?")).toBeVisible({ timeout: 10_000 });
  const listed = await (await fetch(`${appUrl}/api/v1/conversations/`, { headers: { Authorization: `Bearer ${org.server_key}` } })).json();
  expect(listed.results[0].metadata).toMatchObject({ pre_chat: { order: "A-1042" }, page_url: expect.stringContaining(`localhost:${site.port}`) });
  await allowed.page.context().close();
});

test("a bad user_hash draws a can't-start state, logs why and creates nothing", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("forged-")}@example.ma`;
  const { page, errors } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: "0".repeat(64) } }));
  await expect.poll(() => errors.join("\n")).toContain("Dexra widget: user_hash does not match user_email");
  await launcher(page).click();
  await expect(chat(page).getByText("We can't start the chat right now.")).toBeVisible();
  const users = await serverGet(request, `/api/v1/users/?email=${encodeURIComponent(email)}`);
  expect(users.count).toBe(0);
  await page.context().close();
});

test("an expiring user_jwt stops the messenger and asks the host for a new one", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("jwt-")}@example.ma`;
  const sign = (seconds: number) =>
    new SignJWT({ email, name: "Jay Wit" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(Math.floor(Date.now() / 1000) + seconds).sign(new TextEncoder().encode(keys.identity_secret));
  // The browser's clock is the test's (in the messenger's frame too): the token expires when the test moves time
  // on, however slowly this machine got there. The server checks the real expiry, two minutes away.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(hostUrl(site.port, { key: keys.client_key }));
  await page.evaluate((jwt) => {
    const w = window as unknown as { Dexra: (...a: unknown[]) => void; expired?: number };
    w.expired = 0;
    w.Dexra("on", "token_expired", () => (w.expired = (w.expired ?? 0) + 1));
    w.Dexra("identify", { user_jwt: jwt });
  }, await sign(120));
  await launcher(page).click();
  await expect(chat(page).getByRole("heading", { name: "Hi Jay" })).toBeVisible();
  await startConversation(page, unique("Signed with a JWT "));
  expect(await page.evaluate(() => (window as unknown as { expired: number }).expired)).toBe(0);
  await page.clock.fastForward("02:05");
  await expect.poll(() => page.evaluate(() => (window as unknown as { expired: number }).expired), { timeout: 10_000 }).toBe(1);
  await expect(chat(page).getByRole("alert")).toContainText("Your session has expired");
  await expect(chat(page).getByRole("textbox", { name: "Write a reply…" })).toBeDisabled();
  // A fresh token from the host resumes the chat as the same verified user.
  await page.evaluate((jwt) => (window as unknown as { Dexra: { identify: (i: object) => void } }).Dexra.identify({ user_jwt: jwt }), await sign(600));
  await expect(chat(page).getByRole("textbox", { name: "Write a reply…" })).toBeEnabled();
  expect((await conversationsOf(request, email)).length).toBe(1);
  await page.context().close();
});

test("on a phone the messenger takes the whole screen", async ({ browser }) => {
  const keys = demoKeys();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 375, height: 700 } });
  const page = await context.newPage();
  await page.goto(hostUrl(site.port, { key: keys.client_key }));
  await launcher(page).click();
  await expect(chat(page).getByRole("button", { name: "New conversation" })).toBeVisible();
  const box = await page.locator('iframe[title="Dexra chat"]').boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 700 });
  // The launcher hides behind it; the messenger's own close button (and Escape) close it.
  await chat(page).getByRole("button", { name: "Close chat" }).click();
  await expect(launcher(page)).toHaveAccessibleName("Open chat");
  await context.close();
});

test("reset() on logout forgets the visitor; the next visitor starts empty", async ({ browser }) => {
  const keys = demoKeys();
  const email = `${unique("leaving-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email), first_name: "Lea" } }));
  await launcher(page).click();
  await startConversation(page, unique("Before logout "));
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();
  await expect(chat(page).getByRole("list", { name: "Your conversations" }).getByRole("listitem")).toHaveCount(1);
  await page.evaluate(() => (window as unknown as { Dexra: { reset: () => void } }).Dexra.reset());
  await expect(chat(page).getByText("No conversations yet.")).toBeVisible();
  await expect(chat(page).getByRole("heading", { name: "Messages" })).toBeVisible();
  await page.context().close();
});

test("agent Markdown renders safely in the messenger: HTML stays text, unsafe links lose their target", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("md-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email) } }));
  await launcher(page).click();
  await startConversation(page, unique("Markdown please "));
  const [conversation] = await conversationsOf(request, email);
  const body = '<img src=x onerror="window.pwned=1"> **bold** and [docs](http://127.0.0.1:9/docs) and [trap](javascript:window.pwned=2)\n\n- one\n- two';
  await request.post(`/api/v1/conversations/${conversation!.id}/messages/create/`, { headers: { Authorization: `Bearer ${keys.server_key}` }, data: { body, user_email: "sarah@example.com" } });
  const log = chat(page).getByRole("log", { name: "Messages" });
  await expect(log.locator("strong", { hasText: "bold" })).toBeVisible({ timeout: 10_000 });
  await expect(log.getByText('<img src=x onerror="window.pwned=1">', { exact: false })).toBeVisible();
  await expect(log.locator("img")).toHaveCount(0);
  await expect(log.getByRole("link", { name: "docs" })).toHaveAttribute("href", "http://127.0.0.1:9/docs");
  await expect(log.getByRole("link", { name: "trap" })).toHaveCount(0);
  await expect(log.getByRole("listitem").filter({ hasText: /^two$/ })).toBeVisible();
  expect(await page.frames()[1]!.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await page.context().close();
});

test("a new conversation is listed once, even when its live event arrives before the create call answers", async ({ browser }) => {
  const keys = demoKeys();
  const email = `${unique("once-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email) } }));
  await launcher(page).click();
  await expect(chat(page).getByText("No conversations yet.")).toBeVisible();
  // The create call's answer is held until the messenger has fetched the new conversation on the stream's event.
  await page.route("**/api/v1/conversations/create/", async (route) => {
    // Listening before the create is sent: the stream's event (and the fetch it causes) can come before
    // route.fetch() hands us the answer, and a wait started only then would miss it and hold the answer for good.
    const fetched: PlaywrightResponse[] = [];
    const onResponse = (r: PlaywrightResponse) => void (r.request().method() === "GET" && fetched.push(r));
    page.on("response", onResponse);
    try {
      const response = await route.fetch();
      const { id } = await response.json();
      const isIt = (r: PlaywrightResponse) => new URL(r.url()).pathname === `/api/v1/conversations/${id}/` && r.request().method() === "GET";
      const viaStream = fetched.find(isIt) ?? (await page.waitForResponse(isIt));
      await viaStream.finished();
      await route.fulfill({ response });
    } finally {
      page.off("response", onResponse);
    }
  });
  const text = unique("Only once ");
  await startConversation(page, text);
  await chat(page).getByRole("button", { name: "Back to conversations" }).click();
  await expect(chat(page).getByRole("list", { name: "Your conversations" }).getByRole("listitem")).toHaveCount(1);
  await page.context().close();
});

test("what the visitor typed survives a redraw: rating comment and score, reply draft and caret", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("draft-")}@example.ma`;
  const { page } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: { email, user_hash: userHash(keys.identity_secret, email) } }));
  await launcher(page).click();
  await startConversation(page, unique("Resolve me "));
  const [conversation] = await conversationsOf(request, email);
  await request.post(`/api/v1/conversations/${conversation!.id}/resolve/`, { headers: { Authorization: `Bearer ${keys.server_key}` } });
  const rating = chat(page).getByRole("form", { name: "Rate this conversation" });
  await rating.getByRole("button", { name: "4 out of 5" }).click();
  await rating.getByRole("textbox", { name: "Comment (optional)" }).fill("Half written");
  const composer = chat(page).getByRole("textbox", { name: "Reply to reopen…" });
  await composer.fill("Draft reply");
  await composer.press("Home"); // the caret at the start: the next words go in front
  // Closing and reopening redraws the messenger.
  await launcher(page).click();
  await launcher(page).click();
  await expect(rating.getByRole("textbox", { name: "Comment (optional)" })).toHaveValue("Half written");
  await expect(rating.getByRole("button", { name: "4 out of 5" })).toHaveAttribute("aria-pressed", "true");
  await expect(composer).toHaveValue("Draft reply");
  // A live event redraws the screen while the visitor types: the caret stays where it was.
  await composer.focus();
  await composer.press("Home");
  await request.post(`/api/v1/conversations/${conversation!.id}/messages/create/`, { headers: { Authorization: `Bearer ${keys.server_key}` }, data: { body: "Anything else?", user_email: "sarah@example.com", message_type: "note" } });
  await request.post(`/api/v1/conversations/${conversation!.id}/messages/create/`, { headers: { Authorization: `Bearer ${keys.server_key}` }, data: { body: "Anything else?", user_email: "sarah@example.com" } });
  await expect(chat(page).getByRole("log", { name: "Messages" }).getByText("Anything else?")).toBeVisible({ timeout: 10_000 });
  await composer.pressSequentially("My ");
  await expect(composer).toHaveValue("My Draft reply");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(chat(page).getByText("Thanks for your rating!")).toBeVisible();
  expect(JSON.stringify(await serverGet(request, `/api/v1/conversations/${conversation!.id}/activity/`))).toContain("Half written");
  await page.context().close();
});

test("a verified visitor's history follows them to another device; the messenger follows the device's dark mode", async ({ browser, request }) => {
  const keys = demoKeys();
  const email = `${unique("devices-")}@example.ma`;
  const identity = { email, user_hash: userHash(keys.identity_secret, email), first_name: "Dev" };
  const { page: laptop } = await visit(browser, hostUrl(site.port, { key: keys.client_key, identify: identity }));
  await launcher(laptop).click();
  const text = unique("Asked on the laptop ");
  await startConversation(laptop, text);
  await expect(chat(laptop).locator("body")).toHaveCSS("background-color", "rgb(255, 255, 255)");
  const [conversation] = await conversationsOf(request, email);
  await request.post(`/api/v1/conversations/${conversation!.id}/messages/create/`, { headers: { Authorization: `Bearer ${keys.server_key}` }, data: { body: "Answered while you were away", user_email: "sarah@example.com" } });

  // The phone: another browser with nothing stored, in dark mode, the same signed-in user.
  const phone = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: "dark" });
  const page = await phone.newPage();
  await page.goto(hostUrl(site.port, { key: keys.client_key, identify: identity }));
  await launcher(page).click();
  await chat(page).getByRole("button", { name: new RegExp(text) }).click();
  const log = chat(page).getByRole("log", { name: "Messages" });
  await expect(log.getByText(text)).toBeVisible();
  await expect(log.getByText("Answered while you were away")).toBeVisible();
  await expect(chat(page).locator("body")).toHaveCSS("background-color", "rgb(15, 23, 42)");
  await phone.close();
  await laptop.context().close();
});

test("outside business hours the messenger says when the team is back; a pk_test_ key keeps the chat on sandbox data", async ({ browser, request }) => {
  const org = dexra("create-org", "--name", unique("Hours org "), "--owner-email", `${unique("owner-")}@example.test`, "--owner-password", "a long widget password");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const days = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, { enabled: true, open: "09:00", close: "17:00" }]));
  // Open every day, but the next three days are holidays (a run across midnight stays inside them): away now, back at 09:00.
  const hours = await request.put("/api/v1/business-hours/", { headers: { Authorization: `Bearer ${org.server_key}` }, data: { enabled: true, days, holidays: [day(0), day(1), day(2)] } });
  expect(hours.status()).toBe(200);

  const { page } = await visit(browser, hostUrl(site.port, { key: org.test_client_key! }));
  await launcher(page).click();
  await expect(chat(page).getByRole("status").filter({ hasText: "We're away right now" })).toContainText("at 09:00 (UTC)");
  await expect(chat(page).getByText("Sandbox", { exact: true })).toBeVisible();
  const text = unique("Sandbox hello ");
  await startConversation(page, text);
  const subjects = async (key: string) => ((await (await request.get("/api/v1/conversations/", { headers: { Authorization: `Bearer ${key}` } })).json()).results as { subject: string }[]).map((c) => c.subject);
  expect(await subjects(org.test_server_key!)).toEqual([text]);
  expect(await subjects(org.server_key!)).toEqual([]);
  await page.context().close();
});

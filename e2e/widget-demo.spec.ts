import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/ops/testing/postgres-cluster";
import { openInbox, unique } from "./inbox-helpers";

// `npm run demo`'s sample customer site (scripts/demo-site.mjs), run as the demo runs it, against the app under test.
let site: ChildProcess;
let siteUrl: string;
test.beforeAll(async ({}, info) => {
  const port = await freePort();
  site = spawn(process.execPath, ["scripts/demo-site.mjs"], { env: { ...process.env, DEXRA_APP_URL: info.project.use.baseURL!, DEMO_SITE_PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  // It prints its address once it listens: that line is what a newcomer follows.
  siteUrl = await new Promise<string>((resolve, reject) => {
    site.stdout!.on("data", (chunk: Buffer) => {
      const found = /Sample customer site \(with the chat widget\): (http:\/\/localhost:\d+)/.exec(chunk.toString());
      if (found) resolve(found[1]!);
    });
    site.once("exit", (code) => reject(new Error(`demo site exited with ${code}`)));
  });
});
test.afterAll(() => void site.kill());

test("the demo's sample site: the signed-in customer chats with the inbox as a verified visitor; signing out forgets them", async ({ page: agent, browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(siteUrl);
  await expect(page.getByRole("heading", { name: "Welcome back, Amine" })).toBeVisible();
  await page.getByRole("button", { name: "Open chat" }).click();
  const chat = page.frameLocator('iframe[title="Dexra chat"]');
  await expect(chat.getByRole("heading", { name: "Hi Amine" })).toBeVisible();
  await chat.getByRole("button", { name: "New conversation" }).click();
  const text = unique("Hello from the demo site ");
  await chat.getByRole("textbox", { name: "Write your message…" }).fill(text);
  await chat.getByRole("textbox", { name: "Write your message…" }).press("Enter");
  await expect(chat.getByRole("log", { name: "Messages" }).getByText(text)).toBeVisible({ timeout: 10_000 });

  // The second window: the inbox, where the conversation arrives verified (the site's server computed the hash).
  await openInbox(agent, `?view=all&q=${encodeURIComponent(`"${text}"`)}`);
  await agent.getByTestId("conversation-list").getByText(text).first().click();
  await expect(agent.getByTestId("requester-verification")).toHaveText("Verified visitor");
  const answer = unique("Answer from the inbox ");
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill(answer);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(chat.getByRole("log", { name: "Messages" }).getByText(answer)).toBeVisible({ timeout: 10_000 });

  // "Sign out" resets the widget: the guest who comes next sees nothing of Amine's.
  await chat.getByRole("button", { name: "Close chat" }).click();
  await page.getByRole("link", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, guest" })).toBeVisible();
  await page.getByRole("button", { name: "Open chat" }).click();
  await expect(chat.getByText("No conversations yet.")).toBeVisible();
  await context.close();
});

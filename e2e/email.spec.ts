import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { expect, test } from "@playwright/test";
import { startSmtpCatcher, waitFor, type SmtpCatcher } from "../lib/testing/smtp-catcher";
import { openInbox, unique } from "./inbox-helpers";

// The app under test mails through DEXRA_SMTP_URL (this catcher) and listens for mail on DEXRA_INBOUND_SMTP_PORT.
const CATCHER_PORT = Number(process.env.E2E_SMTP_CATCHER_PORT ?? 2558);
const INBOUND_PORT = Number(process.env.E2E_INBOUND_SMTP_PORT ?? 2559);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f80f0000040101005fd8e4a20000000049454e44ae426082", "hex");

let catcher: SmtpCatcher;
const customerMail = nodemailer.createTransport({ host: "127.0.0.1", port: INBOUND_PORT, secure: false, ignoreTLS: true });
test.beforeAll(async () => {
  catcher = await startSmtpCatcher(CATCHER_PORT);
});
test.afterAll(async () => {
  customerMail.close();
  await catcher.close();
});

test("an email becomes a conversation; the agent's reply is mailed and shows Sent; the customer's answer threads back", async ({ page }) => {
  const subject = unique("Broken blender ");
  const customer = `${unique("cust-")}@customer.example`;
  const firstId = `<${randomUUID()}@customer.example>`;
  await customerMail.sendMail({ from: `Robin Customer <${customer}>`, to: "support@acme.test", cc: "boss@customer.example", subject, messageId: firstId, text: "The blender smokes.\n\nRobin", attachments: [{ filename: "smoke.png", content: PNG }] });

  await openInbox(page, `?q=${encodeURIComponent(subject)}`);
  await page.getByTestId("conversation-list").getByText(subject).click();
  const thread = page.getByRole("log", { name: "Messages" });
  await expect(thread.getByText("The blender smokes.")).toBeVisible();
  await expect(thread.getByLabel("Email details").first()).toContainText(`From: ${customer}`);
  await expect(thread.getByRole("img", { name: "smoke.png" })).toBeVisible();
  await expect(page.getByLabel("Email recipients")).toContainText(`Email to ${customer}`);
  await expect(page.getByLabel("Email recipients")).toContainText("CC boss@customer.example");

  await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Please unplug it, a new one is on its way.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByRole("status").filter({ hasText: "Sent" })).toBeVisible({ timeout: 20_000 });

  const mailed = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(customer)), 20_000);
  expect(mailed.parsed.from?.address).toBe("support@acme.test");
  expect(mailed.header("in-reply-to")).toBe(firstId);
  expect(mailed.parsed.cc?.map((c) => ("address" in c ? c.address : ""))).toEqual(["boss@customer.example"]);

  await customerMail.sendMail({ from: customer, to: mailed.header("reply-to"), subject: `Re: ${subject}`, inReplyTo: mailed.parsed.messageId, references: [firstId, mailed.parsed.messageId!], text: `Thanks, unplugged.\n\nOn Monday support wrote:\n> Please unplug it` });
  await expect(thread.getByText("Thanks, unplugged.")).toBeVisible({ timeout: 15_000 });
  await expect(thread.getByText("> Please unplug it")).toHaveCount(0);
});

test("Settings → Channels lists the demo address and adds another", async ({ page }) => {
  await page.goto("/settings/channels");
  await expect(page.getByText("support@acme.test")).toBeVisible();
  const address = `${unique("sales-")}@acme.test`;
  await page.getByLabel("Address").fill(address);
  await page.getByLabel("Name").fill("Sales");
  await page.getByRole("button", { name: "Add email channel" }).click();
  await expect(page.getByText(address, { exact: true })).toBeVisible();
  // The new address is pending until the code mailed to it is entered; the demo's address is verified.
  await expect(page.getByLabel(`Status of ${address}`)).toHaveText("Pending verification");
  await expect(page.getByLabel("Status of support@acme.test")).toHaveText("Verified");
  const mailed = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(address) && m.header("x-dexra-channel-verification")), 20_000);
  await page.getByLabel(`Verification code for ${address}`).fill("DXV-00000000000000000000");
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("The code is wrong or has expired", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: `Resend verification to ${address}` }).click();
  await expect(page.getByText("A verification mail was just issued", { exact: false })).toBeVisible();
  await page.getByLabel(`Verification code for ${address}`).fill(mailed.header("x-dexra-channel-verification")!);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByLabel(`Status of ${address}`)).toHaveText("Verified");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Delete channel ${address}` }).click();
  await expect(page.getByText(address)).toHaveCount(0);
});

test("an agent starts an email conversation with a dropped file; it is mailed from the channel", async ({ page }) => {
  const to = `${unique("new-")}@customer.example`;
  const subject = unique("Your invoice ");
  await openInbox(page);
  await page.getByRole("button", { name: "New email" }).click();
  const dialog = page.getByRole("dialog", { name: "New email" });
  await dialog.getByLabel("To").fill(to);
  await dialog.getByLabel("Subject").fill(subject);
  await dialog.getByLabel("Message").fill("Hello, here is your invoice.");
  await dialog.getByRole("button", { name: "Send email" }).click();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(page.getByLabel("Email recipients")).toContainText(`Email to ${to}`);
  const first = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to)), 20_000);
  expect([first.parsed.from?.address, first.parsed.subject]).toEqual(["support@acme.test", subject]);

  // A file dropped on the composer goes out with the next reply.
  const textbox = page.getByRole("textbox", { name: "Reply to the customer" });
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["line 1\nline 2\n"], "details.txt", { type: "text/plain" }));
    return dt;
  });
  await textbox.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByLabel("Files to send")).toContainText("details.txt");
  await expect(page.getByLabel("Files to send")).not.toContainText("uploading");
  await textbox.fill("The details are attached.");
  await page.getByRole("button", { name: "Send reply" }).click();
  const withFile = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to) && m.parsed.attachments.length), 20_000);
  expect(withFile.parsed.attachments[0]?.filename).toBe("details.txt");
  await expect(page.getByRole("log", { name: "Messages" }).getByRole("link", { name: /details\.txt/ })).toBeVisible({ timeout: 15_000 });
});

test("a refused reply shows Failed with the server's reason; Retry sends it; the original mail downloads; a pasted file goes out", async ({ page }) => {
  const subject = unique("Refused mailbox ");
  const customer = `${unique("gone-")}@customer.example`;
  const firstId = `<${randomUUID()}@customer.example>`;
  // The customer's mail server refuses them for now: a permanent 550, which the worker does not retry by itself.
  catcher.refused.add(customer);
  await customerMail.sendMail({ from: customer, to: "support@acme.test", subject, messageId: firstId, text: "Is anyone there?" });

  await openInbox(page, `?q=${encodeURIComponent(subject)}`);
  await page.getByTestId("conversation-list").getByText(subject).click();
  const thread = page.getByRole("log", { name: "Messages" });
  await expect(thread.getByText("Is anyone there?")).toBeVisible();
  // The original .eml is downloadable from the customer's message, with its headers.
  const original = thread.getByRole("link", { name: "Download original email" });
  const eml = await page.request.get((await original.getAttribute("href"))!);
  expect(eml.status()).toBe(200);
  expect(await eml.text()).toContain(`Message-ID: ${firstId}`);

  // A pasted file rides along with the reply.
  const textbox = page.getByRole("textbox", { name: "Reply to the customer" });
  await textbox.evaluate((area) => {
    const data = new DataTransfer();
    data.items.add(new File(["pasted notes\n"], "notes.txt", { type: "text/plain" }));
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByLabel("Files to send")).toContainText("notes.txt");
  await expect(page.getByLabel("Files to send")).not.toContainText("uploading");
  await textbox.fill("Yes, we are here.");
  await page.getByRole("button", { name: "Send reply" }).click();
  const failed = thread.getByRole("status").filter({ hasText: "Failed" });
  await expect(failed).toContainText("Mailbox unavailable", { timeout: 20_000 });
  expect(catcher.mails.some((m) => m.envelope.to.includes(customer))).toBe(false);

  catcher.refused.delete(customer);
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(thread.getByRole("status").filter({ hasText: "Sent" })).toBeVisible({ timeout: 20_000 });
  const mailed = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(customer)), 20_000);
  expect(mailed.parsed.text).toContain("Yes, we are here.");
  expect(mailed.parsed.attachments.map((a) => a.filename)).toEqual(["notes.txt"]);
  expect(mailed.header("in-reply-to")).toBe(firstId);
});

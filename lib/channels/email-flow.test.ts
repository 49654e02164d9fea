import { randomUUID } from "node:crypto";
import net from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { fileStore } from "../attachments/store";
import { createMessage } from "../messages/create-message";
import { createTestOrg } from "../testing/test-org";
import { startSmtpCatcher, waitFor } from "../testing/smtp-catcher";
import { useSmtpLoop } from "../testing/smtp-loop";
import { startEmailWorker } from "./email-worker";
import { createVerifiedChannel } from "../testing/verified-channel";

// Real SMTP both ways on loopback (ports the system picks): the listener under test, and a catcher standing in for
// the outside mail server.
const smtp = useSmtpLoop();

async function emailOrg() {
  const org = await createTestOrg("Email");
  const address = `support-${randomUUID().slice(0, 8)}@acme.test`;
  const channel = await createVerifiedChannel(org.ctx, { type: "email", address, name: "Acme Support" });
  const worker = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [org.orgId], pollMs: 50 });
  return { ...org, address, channel, worker };
}

/** A loopback port nothing listens on (yet). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const messagesOf = (conversationId: string) =>
  rows<{ id: string; body: string; direction: string }>(sql`select id, body, direction from messages where conversation_id = ${conversationId} order by created_at, id`);
const emailRows = (conversationId: string) =>
  rows<{ direction: string; delivery_status: string | null; rfc_message_id: string; last_error: string | null; automated: boolean }>(
    sql`select direction, delivery_status, rfc_message_id, last_error, automated from email_messages where conversation_id = ${conversationId} order by created_at`,
  );
const conversationsOf = (orgId: string) =>
  rows<{ id: string; subject: string; status: string; channel: string }>(sql`select id, subject, status, channel from conversations where organization_id = ${orgId} order by number`);

describe("email channel over real SMTP", () => {
  it("a mail in creates a conversation with its attachment; the agent's reply reaches the catcher threaded; replies come back", async () => {
    const org = await emailOrg();
    const customer = `ann-${randomUUID().slice(0, 6)}@customer.test`;
    const firstId = `<first-${randomUUID()}@customer.test>`;
    await smtp.sender.sendMail({
      from: `Ann Customer <${customer}>`,
      to: org.address,
      subject: "Printer on fire",
      messageId: firstId,
      text: "My printer is on fire.\n\nThanks, Ann",
      attachments: [{ filename: "fire.png", content: Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f80f0000040101005fd8e4a20000000049454e44ae426082", "hex") }],
    });
    const [conversation] = await conversationsOf(org.orgId);
    expect(conversation).toMatchObject({ subject: "Printer on fire", channel: "email", status: "open" });
    const [first] = await messagesOf(conversation!.id);
    expect(first!.body).toContain("My printer is on fire.");
    const files = await rows<{ filename: string; content_type: string; is_original_mime: boolean; storage_key: string }>(
      sql`select filename, content_type, is_original_mime, storage_key from attachments where conversation_id = ${conversation!.id} order by is_original_mime`,
    );
    expect(files.map((f) => [f.filename, f.content_type, f.is_original_mime])).toEqual([
      ["fire.png", "image/png", false],
      ["original.eml", "message/rfc822", true],
    ]);
    expect((await fileStore().get(files[1]!.storage_key))!.toString()).toContain(firstId);

    await createMessage(org.ctx, conversation!.id, { body: "Please unplug it. We are sending help." });
    const reply = await waitFor(() => smtp.catcher.mails.find((m) => m.envelope.to.includes(customer)));
    const token = (await rows<{ reply_token: string }>(sql`select reply_token from email_threads where conversation_id = ${conversation!.id}`))[0]!.reply_token;
    const [local, domain] = org.address.split("@");
    expect(reply.parsed.from?.address).toBe(org.address);
    expect(reply.header("reply-to")).toContain(`${local}+${token}@${domain}`);
    expect(reply.header("in-reply-to")).toBe(firstId);
    expect(reply.header("references")).toBe(firstId);
    expect(reply.parsed.subject).toBe("Re: Printer on fire");
    expect(reply.parsed.text).toContain("Please unplug it.");
    await waitFor(async () => (await emailRows(conversation!.id)).some((r) => r.delivery_status === "sent"));
    const replyId = reply.parsed.messageId!;

    // 1) A normal reply to the Reply-To address.
    await smtp.sender.sendMail({ from: customer, to: `${local}+${token}@${domain}`, subject: "Re: Printer on fire", inReplyTo: replyId, references: [firstId, replyId], text: "Unplugged.\n\nOn Mon, Acme wrote:\n> Please unplug it." });
    // 2) Only References, to the bare address, with a changed subject (as Outlook does when In-Reply-To is rewritten).
    await smtp.sender.sendMail({ from: customer, to: org.address, subject: "Smoke is gone now", references: [firstId, replyId], text: "Smoke is gone." });
    // 3) A reply whose In-Reply-To names an id we never saw, but References still carries ours.
    await smtp.sender.sendMail({ from: customer, to: org.address, subject: "hello again", inReplyTo: `<outlook-${randomUUID()}@outlook.test>`, references: [`<x@y.test>`, replyId], text: "One more thing." });
    expect(await conversationsOf(org.orgId)).toHaveLength(1);
    const bodies = (await messagesOf(conversation!.id)).map((m) => m.body);
    expect(bodies.slice(2)).toEqual(["Unplugged.", "Smoke is gone.", "One more thing."]);
    await org.worker.stop();
  });

  it("the same mail delivered twice makes one message; a mail to an unknown address is refused at RCPT", async () => {
    const org = await emailOrg();
    const mail = { from: "bob@customer.test", to: org.address, subject: "Twice", messageId: `<dup-${randomUUID()}@customer.test>`, text: "Hello" };
    await smtp.sender.sendMail(mail);
    await smtp.sender.sendMail(mail);
    await Promise.all([smtp.sender.sendMail(mail), smtp.sender.sendMail(mail)]);
    const list = await conversationsOf(org.orgId);
    expect(list).toHaveLength(1);
    expect(await messagesOf(list[0]!.id)).toHaveLength(1);
    await expect(smtp.sender.sendMail({ ...mail, to: `nobody-${randomUUID()}@acme.test`, messageId: undefined })).rejects.toMatchObject({ responseCode: 550 });
    await org.worker.stop();
  });

  it("an auto-reply is stored, never answered and never reopens a resolved conversation", async () => {
    const org = await emailOrg();
    const firstId = `<q-${randomUUID()}@customer.test>`;
    await smtp.sender.sendMail({ from: "carl@customer.test", to: org.address, subject: "Question", messageId: firstId, text: "Question?" });
    const [conversation] = await conversationsOf(org.orgId);
    await rows(sql`update conversations set status = 'resolved' where id = ${conversation!.id}`);
    await smtp.sender.sendMail({
      from: "carl@customer.test",
      to: org.address,
      subject: "Out of office",
      inReplyTo: firstId,
      headers: { "Auto-Submitted": "auto-replied", "X-Autoreply": "yes" },
      text: "I am away until Monday.",
    });
    await smtp.sender.sendMail({ from: "news@list.test", to: org.address, subject: "Newsletter", headers: { "List-Id": "<news.list.test>", Precedence: "bulk" }, text: "News" });
    const list = await conversationsOf(org.orgId);
    expect(list[0]).toMatchObject({ id: conversation!.id, status: "resolved" });
    const rowsIn = await emailRows(conversation!.id);
    expect(rowsIn.map((r) => [r.direction, r.automated])).toEqual([["inbound", false], ["inbound", true]]);
    const events = await rows<{ data: { automated: boolean } }>(sql`select data from events where conversation_id = ${conversation!.id} and type = 'message_in' order by seq`);
    expect(events.map((e) => e.data.automated)).toEqual([false, true]);
    expect((await emailRows(list[1]!.id))[0]!.automated).toBe(true);
    expect(smtp.catcher.mails.filter((m) => m.envelope.to.some((t) => t.endsWith("customer.test") && t.startsWith("carl")))).toHaveLength(0);
    await org.worker.stop();
  });

  it("a 50 MB mail is refused with 552 and leaves nothing behind", async () => {
    const org = await emailOrg();
    const big = Buffer.alloc(50 * 1024 * 1024, 97);
    await expect(smtp.sender.sendMail({ from: "dan@customer.test", to: org.address, subject: "Huge", text: "see attached", attachments: [{ filename: "big.bin", content: big }] })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await conversationsOf(org.orgId)).toHaveLength(0);
    // The listener still works afterwards.
    await smtp.sender.sendMail({ from: "dan@customer.test", to: org.address, subject: "Small", text: "small one" });
    expect(await conversationsOf(org.orgId)).toHaveLength(1);
    await org.worker.stop();
  });

  it("SMTP down: the reply shows failed with the reason, then sent once the server is back", async () => {
    const org = await emailOrg();
    await org.worker.stop();
    const downPort = await freePort();
    const worker = startEmailWorker({ smtpUrl: `smtp://127.0.0.1:${downPort}`, organizationIds: [org.orgId], pollMs: 50, schedule: [300, 300, 300, 300, 300, 300], timeoutMs: 2000 });
    await smtp.sender.sendMail({ from: "eve@customer.test", to: org.address, subject: "Down", text: "Hi" });
    const [conversation] = await conversationsOf(org.orgId);
    await createMessage(org.ctx, conversation!.id, { body: "Reply while SMTP is down" });
    const failed = await waitFor(async () => (await emailRows(conversation!.id)).find((r) => r.direction === "outbound" && r.delivery_status === "failed"));
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    const back = await startSmtpCatcher(downPort);
    try {
      await waitFor(async () => (await emailRows(conversation!.id)).find((r) => r.direction === "outbound" && r.delivery_status === "sent"));
      expect(back.mails.filter((m) => m.envelope.to.includes("eve@customer.test"))).toHaveLength(1);
    } finally {
      await worker.stop();
      await back.close();
    }
  });

  it("two workers never send one reply twice", async () => {
    const org = await emailOrg();
    const second = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [org.orgId], pollMs: 50 });
    const customer = `many-${randomUUID().slice(0, 6)}@customer.test`;
    await smtp.sender.sendMail({ from: customer, to: org.address, subject: "Many", text: "Hi" });
    const [conversation] = await conversationsOf(org.orgId);
    for (let i = 0; i < 15; i++) await createMessage(org.ctx, conversation!.id, { body: `Answer ${i}` });
    // Every reply settled as sent, then both workers stopped (each waits for what it has in hand): no send can still
    // be on its way, so the catcher's count is final, with no fixed wait.
    await waitFor(async () => (await emailRows(conversation!.id)).filter((r) => r.direction === "outbound" && r.delivery_status === "sent").length === 15);
    await Promise.all([org.worker.stop(), second.stop()]);
    const got = smtp.catcher.mails.filter((m) => m.envelope.to.includes(customer));
    expect(got).toHaveLength(15);
    expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(15);
  });

  it("cross-tenant: mail to org A's address never lands in org B, even carrying B's reply token or Message-IDs", async () => {
    const a = await emailOrg();
    const b = await emailOrg();
    const bId = `<b-${randomUUID()}@customer.test>`;
    await smtp.sender.sendMail({ from: "fay@customer.test", to: b.address, subject: "For B", messageId: bId, text: "B" });
    const [bConversation] = await conversationsOf(b.orgId);
    const bToken = (await rows<{ reply_token: string }>(sql`select reply_token from email_threads where conversation_id = ${bConversation!.id}`))[0]!.reply_token;
    const [aLocal, aDomain] = a.address.split("@");
    await smtp.sender.sendMail({ from: "fay@customer.test", to: `${aLocal}+${bToken}@${aDomain}`, subject: "For A", inReplyTo: bId, references: [bId], text: "A" });
    expect(await conversationsOf(a.orgId)).toHaveLength(1);
    expect(await messagesOf(bConversation!.id)).toHaveLength(1);
    // Delivered to A's address but with B's address in the headers: the SMTP envelope decides, B gets nothing.
    await smtp.sender.sendMail({ envelope: { from: "fay@customer.test", to: [a.address] }, from: "fay@customer.test", to: b.address, cc: a.address, subject: "Spoofed To", text: "Only A" });
    expect(await conversationsOf(a.orgId)).toHaveLength(2);
    expect(await conversationsOf(b.orgId)).toHaveLength(1);
    // Our own mail coming back (From one of the organization's addresses) is kept as automated, never answered.
    await smtp.sender.sendMail({ from: b.address, to: b.address, subject: "Loop", text: "echo" });
    const loop = (await conversationsOf(b.orgId)).find((c) => c.subject === "Loop")!;
    expect((await emailRows(loop.id))[0]!.automated).toBe(true);
    await Promise.all([a.worker.stop(), b.worker.stop()]);
  });
});

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { createMessage } from "../messages/create-message";
import { waitFor } from "../testing/smtp-catcher";
import { useSmtpLoop } from "../testing/smtp-loop";
import { createTestOrg } from "../testing/test-org";
import { startEmailWorker } from "./email-worker";
import { createChannel, listChannels } from "./manage-channels";
import { receiveMail } from "./receive-email";
import { sendMessage } from "./send-message";
import { verificationCode } from "./verification-code";
import { claimDueVerifications, markVerificationSent } from "./verification-mail";
import { resendVerification, verifyChannel } from "./verify-channel";

// The whole proof over real SMTP: our worker mails the code to the address (the catcher is that mailbox), the
// listener is our inbound path.
const smtp = useSmtpLoop();

const newAddress = () => `help-${randomUUID().slice(0, 8)}@victim.test`;
const conversationsOf = (orgId: string) => rows<{ id: string }>(sql`select id from conversations where organization_id = ${orgId}`);
/** The verification mail the worker sent to `address`, and the code in it. */
async function verificationMail(address: string, skip = 0) {
  const mail = await waitFor(() => smtp.catcher.mails.filter((m) => m.envelope.to.includes(address) && m.header("x-dexra-channel-verification"))[skip]);
  const code = /DXV-[0-9A-F]{20}/.exec(mail.parsed.text ?? "")![0];
  return { mail, code };
}

/** The mails the catcher (the address's mailbox) received for `address`. */
const mailsTo = (address: string) => smtp.catcher.mails.filter((m) => m.envelope.to.includes(address));

/** Two organizations add the same new address: a squatter first, then its real owner. */
async function contestedAddress() {
  const owner = await createTestOrg("Owner");
  const squatter = await createTestOrg("Squatter");
  const address = newAddress();
  const squat = await createChannel(squatter.ctx, { type: "email", address, name: "Mine now" });
  const mine = await createChannel(owner.ctx, { type: "email", address, name: "Ours" });
  return { owner, squatter, address, squat, mine };
}

/** The email worker for both claimants, and the two verification mails it sent to the address. */
async function mailBoth({ owner, squatter, address }: Awaited<ReturnType<typeof contestedAddress>>) {
  const worker = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [owner.orgId, squatter.orgId], pollMs: 50 });
  try {
    await waitFor(() => mailsTo(address).length >= 2);
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}

describe("email channel address verification", () => {
  it("a new address is pending: its mail is refused and nothing is sent from it until the mailed code is entered", async () => {
    const org = await createTestOrg("Verify");
    const worker = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [org.orgId], pollMs: 50 });
    try {
      const address = newAddress();
      const channel = await createChannel(org.ctx, { type: "email", address, name: "Help" });
      expect(channel).toMatchObject({ status: "pending", verified_at: null });
      expect(JSON.stringify(channel)).not.toMatch(/DXV-/);

      const { mail, code } = await verificationMail(address);
      expect(mail.parsed.from?.address).toBe(address);
      expect(mail.parsed.subject).toContain(code);
      expect(mail.header("auto-submitted")).toBe("auto-generated");
      // The worker records the send just after the catcher accepted it.
      const listed = await waitFor(async () => (await listChannels(org.ctx)).results.find((c) => c.verification?.sent_at));
      expect(JSON.stringify(listed)).not.toContain(code);

      // Inbound: refused at the end of DATA with the reason; nothing stored.
      await expect(smtp.sender.sendMail({ from: "cust@customer.test", to: address, subject: "Hi", text: "hello" })).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining("not verified") });
      await expect(receiveMail(Buffer.from(`From: a@b.test\r\nTo: ${address}\r\nSubject: x\r\n\r\nhi`))).rejects.toMatchObject({ code: "channel_not_verified" });
      expect(await conversationsOf(org.orgId)).toHaveLength(0);
      // Outbound: send-message refuses, naming the reason.
      await expect(sendMessage(org.ctx, { recipient_id: "cust@customer.test", channel: "email", text: "Hello" })).rejects.toMatchObject({ code: "channel_not_verified", status: 422 });

      await expect(verifyChannel(org.ctx, channel.id, { code: "DXV-00000000000000000000" })).rejects.toMatchObject({ code: "validation_error" });
      const verified = await verifyChannel(org.ctx, channel.id, { code: code.toLowerCase() });
      expect(verified).toMatchObject({ status: "verified", verified_at: expect.any(String), verification: null, is_default: true });

      await smtp.sender.sendMail({ from: "cust@customer.test", to: address, subject: "Now it works", text: "hello again" });
      expect(await conversationsOf(org.orgId)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("the verification mail coming back on the inbound path (the address forwards to Dexra) verifies the channel by itself", async () => {
    const org = await createTestOrg("Forward");
    const worker = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [org.orgId], pollMs: 50 });
    try {
      const address = newAddress();
      const channel = await createChannel(org.ctx, { type: "email", address, name: "Forwarded" });
      const { mail } = await verificationMail(address);
      // The mailbox forwards what it received to our listener, as a forwarding rule or the MX would.
      await smtp.sender.sendMail({ envelope: { from: address, to: [address] }, raw: mail.raw });
      expect((await listChannels(org.ctx)).results.find((c) => c.id === channel.id)).toMatchObject({ status: "verified" });
      expect(await conversationsOf(org.orgId)).toHaveLength(0);
      // A mail merely quoting some other code verifies nothing.
      const other = await createChannel(org.ctx, { type: "email", address: newAddress(), name: "Other" });
      await expect(smtp.sender.sendMail({ from: "x@y.test", to: other.address, subject: "DXV-0123456789ABCDEF0123", text: "guess" })).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      await worker.stop();
    }
  });

  it("squatting: an address verified by one organization cannot be added or verified by another", async () => {
    const contest = await contestedAddress();
    const { owner, squatter, address, squat, mine } = contest;
    const worker = await mailBoth(contest);
    try {
      // Two verification mails went to the address; only its real owner reads them. Suppose the squatter got its
      // code anyway (say the owner forwarded it by mistake) but too late: the owner verified first.
      const codes = mailsTo(address).map((m) => m.header("x-dexra-channel-verification")!);
      let ownerVerified = false;
      for (const code of codes) ownerVerified ||= (await verifyChannel(owner.ctx, mine.id, { code }).catch(() => null))?.status === "verified";
      expect(ownerVerified).toBe(true);
      for (const code of codes) await expect(verifyChannel(squatter.ctx, squat.id, { code })).rejects.toMatchObject({ status: expect.any(Number) });
      expect((await listChannels(squatter.ctx)).results[0]).toMatchObject({ status: "pending", verification: { error: "This address was verified by another organization" } });
      await expect(createChannel(squatter.ctx, { type: "email", address: address.toUpperCase(), name: "Again" })).rejects.toMatchObject({ code: "conflict" });
      await expect(resendVerification(squatter.ctx, squat.id)).rejects.toMatchObject({ code: "conflict" });
      // Mail to the address lands with the owner only.
      await smtp.sender.sendMail({ from: "cust@customer.test", to: address, subject: "For the owner", text: "hi" });
      expect(await conversationsOf(owner.orgId)).toHaveLength(1);
      expect(await conversationsOf(squatter.orgId)).toHaveLength(0);
    } finally {
      await worker.stop();
    }
  });

  it("a contested address is not verified by its mail coming back over SMTP (it reaches us whoever asked); a relay with the organization's key is", async () => {
    const contest = await contestedAddress();
    const { owner, squatter, address, squat, mine } = contest;
    const worker = await mailBoth(contest);
    try {
      // The address forwards everything to us, the squatter's verification mail included: it verifies nobody.
      for (const mail of mailsTo(address)) {
        await expect(smtp.sender.sendMail({ envelope: { from: address, to: [address] }, raw: mail.raw })).rejects.toMatchObject({ responseCode: 550 });
      }
      expect((await listChannels(squatter.ctx)).results[0]).toMatchObject({ id: squat.id, status: "pending" });
      expect((await listChannels(owner.ctx)).results[0]).toMatchObject({ id: mine.id, status: "pending" });
      // The owner's own relay (its server key) hands the mails over: only the owner's code counts there.
      const delivered = await Promise.all(
        mailsTo(address).map((m) => receiveMail(m.raw, { to: [address] }, { organizationId: owner.orgId }).catch((e) => e.code)),
      );
      expect(delivered.filter((d) => typeof d === "object" && d.verified.length === 1)).toHaveLength(1);
      expect((await listChannels(owner.ctx)).results[0]).toMatchObject({ status: "verified" });
      expect((await listChannels(squatter.ctx)).results[0]).toMatchObject({ status: "pending" });
    } finally {
      await worker.stop();
    }
  });

  it("resend issues a new code (the old one stops working), at most once a minute; a reply queued from a pending address fails with the reason", async () => {
    const org = await createTestOrg("Resend");
    const worker = startEmailWorker({ smtpUrl: smtp.catcher.url, organizationIds: [org.orgId], pollMs: 50 });
    try {
      const address = newAddress();
      const channel = await createChannel(org.ctx, { type: "email", address, name: "Help" });
      const first = await verificationMail(address);
      await expect(resendVerification(org.ctx, channel.id)).rejects.toMatchObject({ code: "rate_limited", status: 429 });
      await rows(sql`update channels set verification_expires_at = verification_expires_at - interval '2 minutes' where id = ${channel.id}`);
      await resendVerification(org.ctx, channel.id);
      const second = await verificationMail(address, 1);
      expect(second.code).not.toBe(first.code);
      await expect(verifyChannel(org.ctx, channel.id, { code: first.code })).rejects.toMatchObject({ code: "validation_error" });

      // A web conversation answered by email while the channel is pending: the reply is failed with the reason.
      const sent = await sendMessage(org.ctx, { recipient_id: "cust@customer.test", channel: "web", text: "hi" });
      await rows(sql`update conversations set channel = 'email' where id = ${sent.conversation_id}`);
      await rows(sql`insert into email_threads (conversation_id, organization_id, channel_id, reply_token, subject) values (${sent.conversation_id}, ${org.orgId}, ${channel.id}, ${randomUUID().replace(/-/g, "").slice(0, 20)}, 'x')`);
      const reply = await createMessage(org.ctx, sent.conversation_id, { body: "An answer" });
      const [row] = await rows<{ delivery_status: string; last_error: string }>(sql`select delivery_status, last_error from email_messages where message_id = ${reply.id}`);
      expect(row).toMatchObject({ delivery_status: "failed", last_error: expect.stringContaining("is not verified yet") });

      await verifyChannel(org.ctx, channel.id, { code: second.code });
      expect((await listChannels(org.ctx)).results[0]).toMatchObject({ status: "verified" });
    } finally {
      await worker.stop();
    }
  });
  it("a mail attempt settled after its code went stale records nothing: a resend still goes out, another organization's verification stays said", async () => {
    const { owner, squatter, squat, mine } = await contestedAddress();
    // No worker runs: the test plays one, claiming both mails and settling them after the world moved on.
    const [squatClaim] = await claimDueVerifications(10, 60_000, [squatter.orgId]);
    const [mineClaim] = await claimDueVerifications(10, 60_000, [owner.orgId]);
    await rows(sql`update channels set verification_expires_at = verification_expires_at - interval '2 minutes' where id = ${mine.id}`);
    await resendVerification(owner.ctx, mine.id);
    await markVerificationSent(mineClaim!);
    expect(await claimDueVerifications(10, 60_000, [owner.orgId])).toEqual([expect.objectContaining({ id: mine.id })]);

    const [{ nonce }] = (await rows<{ nonce: string }>(sql`select verification_nonce as nonce from channels where id = ${mine.id}`)) as [{ nonce: string }];
    await verifyChannel(owner.ctx, mine.id, { code: verificationCode(mine.id, nonce) });
    await markVerificationSent(squatClaim!);
    expect((await listChannels(squatter.ctx)).results[0]).toMatchObject({ id: squat.id, status: "pending", verification: { error: "This address was verified by another organization" } });
    expect(await claimDueVerifications(10, 60_000, [squatter.orgId])).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { callRoute } from "@/lib/api/testing/call-route";
import { startEmailWorker } from "@/lib/channels/email-worker";
import { createVerifiedChannel } from "@/lib/testing/verified-channel";
import { createCannedReply } from "@/lib/canned-replies/manage-canned-replies";
import { startSmtpCatcher, waitFor, type SmtpCatcher } from "@/lib/testing/smtp-catcher";
import { createTestOrg } from "@/lib/testing/test-org";
import * as upload from "./attachments/route";
import * as download from "../attachments/[id]/route";
import * as createMessageRoute from "./conversations/[id]/messages/create/route";
import * as listMessagesRoute from "./conversations/[id]/messages/route";
import * as send from "./send-message/route";

let catcher: SmtpCatcher;
beforeAll(async () => {
  catcher = await startSmtpCatcher(0);
});
afterAll(() => catcher.close());

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f80f0000040101005fd8e4a20000000049454e44ae426082", "hex");

async function uploadFile(key: string, name: string, content: Buffer | string, type = "application/octet-stream", headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type }), name);
  const request = new Request("http://localhost:3000/api/v1/attachments/", { method: "POST", headers: { authorization: `Bearer ${key}`, ...headers }, body: form });
  const response = await upload.POST(request, { params: Promise.resolve({}) } as never);
  return { status: response.status, body: await response.json() };
}

async function fetchDownload(url: string) {
  const u = new URL(url, "http://localhost:3000");
  const id = u.pathname.split("/")[3]!;
  return download.GET(new Request(u), { params: Promise.resolve({ id }) });
}

async function emailOrg() {
  const org = await createTestOrg("Send");
  const address = `hello-${randomUUID().slice(0, 8)}@acme.test`;
  await createVerifiedChannel(org.ctx, { type: "email", address, name: "Acme" });
  const worker = startEmailWorker({ smtpUrl: catcher.url, organizationIds: [org.orgId], pollMs: 50 });
  return { ...org, address, worker };
}

describe("POST /api/v1/attachments/", () => {
  it("stores a sniffed file behind a signed, expiring URL; SVG and HTML only as downloads", async () => {
    const org = await createTestOrg();
    const png = await uploadFile(org.serverKey, "photo.jpg", PNG, "image/jpeg");
    expect(png).toMatchObject({ status: 201, body: { filename: "photo.jpg", content_type: "image/png", size: PNG.length } });
    const shown = await fetchDownload(png.body.url);
    expect([shown.status, shown.headers.get("content-type"), shown.headers.get("content-disposition")?.split(";")[0]]).toEqual([200, "image/png", "inline"]);
    expect(Buffer.from(await shown.arrayBuffer()).equals(PNG)).toBe(true);

    const svg = await uploadFile(org.serverKey, "x.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "image/svg+xml");
    const svgDownload = await fetchDownload(svg.body.url);
    expect(svgDownload.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(svgDownload.headers.get("x-content-type-options")).toBe("nosniff");
    expect(svgDownload.headers.get("content-type")).toBe("application/octet-stream");
    const html = await uploadFile(org.serverKey, "../../evil.html", "<html><script>alert(1)</script></html>", "text/html");
    expect(html.body.filename).toBe("evil.html");
    expect((await fetchDownload(html.body.url)).headers.get("content-disposition")).toMatch(/^attachment/);

    const tampered = png.body.url.replace(/signature=[^&]+/, "signature=AAAA");
    expect((await fetchDownload(tampered)).status).toBe(403);
    const expired = png.body.url.replace(/expires=\d+/, `expires=${Math.floor(Date.now() / 1000) - 10}`);
    expect((await fetchDownload(expired)).status).toBe(403);
    expect((await uploadFile(org.serverKey, "empty.txt", "")).status).toBe(400);
    const tooBig = await uploadFile(org.serverKey, "big.bin", Buffer.alloc(26 * 1024 * 1024));
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, "payload_too_large"]);
    const noFile = await callRoute(upload.POST, "POST", "/api/v1/attachments/", { key: org.serverKey, body: { file: "x" } });
    expect(noFile.status).toBe(400);
  });

  it("refuses programs and scripts with 415, by their bytes or their name, and stores nothing", async () => {
    const org = await createTestOrg();
    const count = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from attachments where organization_id = ${org.orgId}`))[0]!.n;
    // A Windows executable renamed to look like a document, and a Linux one without an extension: caught by the bytes.
    const pe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from("PE\0\0"), Buffer.alloc(200)]);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    for (const [name, content] of [["invoice.pdf", pe], ["tool", elf], ["setup.exe", "not really a program"], ["run.BAT", "echo hi"], ["payload.js", "alert(1)"]] as const) {
      const refused = await uploadFile(org.serverKey, name, content);
      expect([name, refused.status, refused.body.error.code]).toEqual([name, 415, "unsupported_media_type"]);
      expect(refused.body.error.message).toContain(name);
    }
    expect(await count()).toBe(0);
    // Ordinary files still pass, whatever they are called.
    expect((await uploadFile(org.serverKey, "notes.txt", "hello", "text/plain")).status).toBe(201);
    expect((await uploadFile(org.serverKey, "exe-list.csv", "a,b\n", "text/csv")).status).toBe(201);
  });
});

describe("POST /api/v1/send-message/", () => {
  it("text by email: a new conversation, mailed from the channel with Reply-To and a stored Message-ID", async () => {
    const org = await emailOrg();
    const to = `ivy-${randomUUID().slice(0, 6)}@customer.test`;
    const res = await callRoute(send.POST, "POST", "/api/v1/send-message/", { key: org.serverKey, body: { recipient_id: to, channel: "email", text: "Your order shipped.", subject: "Order 42" } });
    expect(res).toMatchObject({ status: 201, body: { status: "queued", message_id: expect.any(String), conversation_id: expect.any(String) } });
    const mail = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to)));
    expect(mail.parsed.from?.address).toBe(org.address);
    expect(mail.parsed.subject).toBe("Order 42");
    expect(mail.header("reply-to")).toMatch(new RegExp(`^${org.address.split("@")[0]}\\+[0-9a-f]{20}@acme\\.test$`));
    const [stored] = await rows<{ rfc_message_id: string; delivery_status: string }>(sql`select rfc_message_id, delivery_status from email_messages where message_id = ${res.body.message_id}`);
    expect(stored!.rfc_message_id).toBe(mail.parsed.messageId);
    await org.worker.stop();
  });

  it("template, media and button messages; web works; other channels are 422; Idempotency-Key replays", async () => {
    const org = await emailOrg();
    const to = `jo-${randomUUID().slice(0, 6)}@customer.test`;
    await createCannedReply(org.ctx, { title: "Reset", shortcut: "reset", body: "Hi {{requester.first_name}} ({{requester.email}}), about {{conversation.subject}}.", shared: "on" });
    const post = (body: object, headers: Record<string, string> = {}) => callRoute(send.POST, "POST", "/api/v1/send-message/", { key: org.serverKey, body, headers });

    const template = await post({ recipient_id: to, channel: "email", message_type: "template", template: "/reset", subject: "Password reset", variables: { "requester.first_name": "Jo" } });
    expect(template.body).toMatchObject({ status: "queued" });
    const templated = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to)));
    expect(templated.parsed.text?.trim()).toBe(`Hi Jo (${to}), about Password reset.`);
    const unknown = await post({ recipient_id: to, channel: "email", message_type: "template", template: "nope" });
    expect([unknown.status, unknown.body.error.message]).toEqual([400, "template nope not found"]);

    const file = await uploadFile(org.serverKey, "invoice.png", PNG, "image/png");
    const media = await post({ recipient_id: to, channel: "email", message_type: "media", attachment_ids: [file.body.id], conversation_id: template.body.conversation_id, text: "Your invoice" });
    expect(media.status).toBe(201);
    const withFile = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to) && m.parsed.attachments.length));
    expect(withFile.parsed.attachments[0]).toMatchObject({ filename: "invoice.png", mimeType: "image/png" });
    expect(withFile.header("in-reply-to")).toBe(templated.parsed.messageId);
    const reused = await post({ recipient_id: to, channel: "email", message_type: "media", attachment_ids: [file.body.id], conversation_id: template.body.conversation_id });
    expect(reused.status).toBe(400);

    const web = await post({ recipient_id: to, channel: "web", message_type: "button", text: "Did this help?", buttons: [{ label: "Yes", value: "yes" }, { label: "No", value: "no" }] });
    expect(web.body.status).toBe("sent");
    const [buttons] = await rows<{ buttons: unknown }>(sql`select buttons from message_buttons where message_id = ${web.body.message_id}`);
    expect(buttons!.buttons).toEqual([{ label: "Yes", value: "yes" }, { label: "No", value: "no" }]);
    expect(await rows(sql`select 1 from email_messages where message_id = ${web.body.message_id}`)).toHaveLength(0);

    for (const channel of ["whatsapp", "sms", "telegram"]) {
      const res = await post({ recipient_id: to, channel, text: "hi" });
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([422, "channel_not_configured", `No ${channel} connector is configured for this organization`]);
    }
    const bare = await createTestOrg();
    const noEmail = await callRoute(send.POST, "POST", "/api/v1/send-message/", { key: bare.serverKey, body: { recipient_id: to, channel: "email", text: "hi" } });
    expect([noEmail.status, noEmail.body.error.code]).toEqual([422, "channel_not_configured"]);
    expect((await post({ recipient_id: to, channel: "email" })).status).toBe(400);
    expect((await post({ recipient_id: randomUUID(), channel: "web", text: "hi" })).status).toBe(404);
    expect((await post({ recipient_id: to, channel: "pigeon", text: "hi" })).status).toBe(400);

    const key = { "idempotency-key": randomUUID() };
    const once = await post({ recipient_id: to, channel: "web", text: "just once" }, key);
    const again = await post({ recipient_id: to, channel: "web", text: "just once" }, key);
    expect(again.body).toEqual(once.body);
    expect(await rows(sql`select 1 from messages where organization_id = ${org.orgId} and body = 'just once'`)).toHaveLength(1);
    expect((await callRoute(send.POST, "POST", "/api/v1/send-message/", { key: org.clientKey, body: { recipient_id: to, channel: "web", text: "x" } })).status).toBe(403);
    await org.worker.stop();
  });

  it("an agent's reply through messages/create carries its uploaded files out by email; nobody reuses another org's upload", async () => {
    const org = await emailOrg();
    const other = await createTestOrg();
    const to = `kai-${randomUUID().slice(0, 6)}@customer.test`;
    const started = await callRoute(send.POST, "POST", "/api/v1/send-message/", { key: org.serverKey, body: { recipient_id: to, channel: "email", text: "Hello", subject: "Docs" } });
    const file = await uploadFile(org.serverKey, "manual.pdf", Buffer.from("%PDF-1.4\n%fake\n"), "application/pdf");
    const foreign = await uploadFile(other.serverKey, "x.png", PNG, "image/png");
    const id = started.body.conversation_id;
    const bad = await callRoute(createMessageRoute.POST, "POST", "/", { key: org.serverKey, params: { id }, body: { body: "here", user_email: org.owner.email, attachment_ids: [foreign.body.id] } });
    expect(bad.status).toBe(400);
    const ok = await callRoute(createMessageRoute.POST, "POST", "/", { key: org.serverKey, params: { id }, body: { body: "The manual is attached.", user_email: org.owner.email, attachment_ids: [file.body.id] } });
    expect(ok.status).toBe(201);
    const mail = await waitFor(() => catcher.mails.find((m) => m.envelope.to.includes(to) && m.parsed.attachments.length));
    expect(mail.parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([["manual.pdf", "application/pdf"]]);
    expect(mail.parsed.text).toContain("The manual is attached.");
    const listed = await waitFor(async () => {
      const res = await callRoute(listMessagesRoute.GET, "GET", "/", { key: org.serverKey, params: { id } });
      return res.body.results.every((m: { delivery_status: string }) => m.delivery_status === "sent") && res.body.results;
    });
    expect(listed.map((m: { delivery_status: string; attachments: { filename: string }[] }) => [m.delivery_status, m.attachments.map((a) => a.filename)])).toEqual([
      ["sent", []],
      ["sent", ["manual.pdf"]],
    ]);
    await org.worker.stop();
  });
});

/**
 * `npm run mail-catcher`: a local stand-in for the outside world's mail, for the demo. An SMTP server on
 * 127.0.0.1 (DEXRA_SMTP_URL points here) keeps every mail Dexra sends, and a small web page shows them with
 * their threading headers and lets you answer as the customer: the answer goes to Dexra's inbound SMTP
 * listener at the Reply-To address, with In-Reply-To and References, exactly as a mail client would.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { startSmtpCatcher, type CaughtMail } from "../lib/testing/smtp-catcher";

const SMTP_PORT = Number(process.env.CATCHER_SMTP_PORT ?? 1025);
const WEB_PORT = Number(process.env.CATCHER_WEB_PORT ?? 1080);
const DEXRA_INBOUND = Number(process.env.DEXRA_INBOUND_SMTP_PORT ?? 2525);
const SUPPORT = process.env.DEMO_SUPPORT_ADDRESS ?? "support@acme.test";

const escape = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const toDexra = nodemailer.createTransport({ host: "127.0.0.1", port: DEXRA_INBOUND, secure: false, ignoreTLS: true });
const catcher = await startSmtpCatcher(SMTP_PORT, (m) => console.log(`[mail-catcher] received "${m.parsed.subject}" for ${m.envelope.to.join(", ")}`));
const sent: string[] = [];

function mailCard(m: CaughtMail, i: number) {
  const h = (k: string) => escape(m.header(k));
  return `<article><h2>${escape(m.parsed.subject)}</h2>
  <dl><dt>From</dt><dd>${h("from")}</dd><dt>To</dt><dd>${h("to")}</dd>${m.header("cc") ? `<dt>CC</dt><dd>${h("cc")}</dd>` : ""}
  <dt>Reply-To</dt><dd>${h("reply-to")}</dd><dt>Message-ID</dt><dd>${h("message-id")}</dd>
  <dt>In-Reply-To</dt><dd>${h("in-reply-to")}</dd><dt>References</dt><dd>${h("references")}</dd></dl>
  <pre>${escape(m.parsed.text)}</pre>
  ${m.parsed.attachments.length ? `<p>Attachments: ${m.parsed.attachments.map((a) => escape(a.filename)).join(", ")}</p>` : ""}
  <form method="post" action="/reply"><input type="hidden" name="i" value="${i}">
  <label>Answer as the customer <textarea name="text" required rows="3"></textarea></label><button>Send reply to Dexra</button></form></article>`;
}

function page() {
  return `<!doctype html><meta charset="utf-8"><title>Demo mail catcher</title>
  <style>body{font:14px system-ui;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}
  dl{display:grid;grid-template-columns:8rem 1fr;gap:.2rem;font-size:12px;color:#444}dt{font-weight:600}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}textarea{display:block;width:100%}</style>
  <h1>Demo mail catcher</h1><p>Mail Dexra sent through <code>smtp://127.0.0.1:${SMTP_PORT}</code> (newest first). Answers go to Dexra's inbound SMTP on port ${DEXRA_INBOUND}.</p>
  <form method="post" action="/new"><h2>Write to ${escape(SUPPORT)} as a customer</h2>
  <label>From <input name="from" value="pat.customer@example.net"></label> <label>Subject <input name="subject" value="My order has not arrived"></label>
  <textarea name="text" rows="3">Hello, my order #1234 has not arrived yet. Can you check?</textarea><button>Send to Dexra</button></form>
  ${sent.length ? `<p>Sent to Dexra: ${sent.map(escape).join(", ")}</p>` : ""}
  ${catcher.mails.map((m, i) => [m, i] as const).reverse().map(([m, i]) => mailCard(m, i)).join("") || "<p>No mail yet: reply to an email conversation in the inbox.</p>"}`;
}

async function form(req: http.IncomingMessage) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

http
  .createServer(async (req, res) => {
    try {
      if (req.method === "POST" && req.url === "/reply") {
        const f = await form(req);
        const m = catcher.mails[Number(f.get("i"))]!;
        const id = m.parsed.messageId!;
        await toDexra.sendMail({
          from: m.envelope.to[0], to: m.header("reply-to") ?? m.parsed.from?.address, subject: `Re: ${m.parsed.subject ?? ""}`.replace(/^Re: Re: /, "Re: "),
          inReplyTo: id, references: [...(m.header("references")?.split(/\s+/).filter(Boolean) ?? []), id], text: `${f.get("text")}\n\nOn ${m.header("date")} support wrote:\n> ${(m.parsed.text ?? "").split("\n").join("\n> ")}`,
        });
        sent.push(`reply to "${m.parsed.subject}"`);
      } else if (req.method === "POST" && req.url === "/new") {
        const f = await form(req);
        await toDexra.sendMail({ from: f.get("from")!, to: SUPPORT, subject: f.get("subject")!, text: f.get("text")!, messageId: `<${randomUUID()}@customer.example>` });
        sent.push(`"${f.get("subject")}"`);
      }
      if (req.method === "POST") return void res.writeHead(303, { location: "/" }).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page());
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(`Could not deliver to Dexra (is it running with DEXRA_INBOUND_SMTP_PORT=${DEXRA_INBOUND}?): ${(error as Error).message}`);
    }
  })
  .listen(WEB_PORT, "127.0.0.1", () => console.log(`[mail-catcher] SMTP on 127.0.0.1:${SMTP_PORT}, mailbox view at http://localhost:${WEB_PORT}`));

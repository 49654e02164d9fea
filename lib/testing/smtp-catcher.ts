import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { envelope: { from: string; to: string[] }; raw: Buffer; parsed: Email; header: (key: string) => string | undefined };

/** `refused`: recipients answered `550` at RCPT (a permanent refusal) until they are taken out of the set. */
export type SmtpCatcher = { url: string; port: number; mails: CaughtMail[]; refused: Set<string>; close(): Promise<void> };

/** A real SMTP server on 127.0.0.1 that keeps every mail it accepts: the outbound worker's other end in tests and the demo. */
export async function startSmtpCatcher(port = 0, onMail?: (mail: CaughtMail) => void): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "any" }),
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
        const mail: CaughtMail = {
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) },
          raw,
          parsed,
          header: (key) => parsed.headers.find((h) => h.key === key.toLowerCase())?.value,
        };
        mails.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return { url: `smtp://127.0.0.1:${bound}`, port: bound, mails, refused, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A raw RFC 5322 message built by nodemailer's composer (the same code that sends real mail). */
export async function composeMail(options: import("nodemailer/lib/mailer").Options): Promise<Buffer> {
  const { default: MailComposer } = await import("nodemailer/lib/mail-composer");
  return new MailComposer(options).compile().build();
}

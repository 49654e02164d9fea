import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { ApiError } from "../errors";
import { baseAddress } from "./find-thread";
import { findChannelsByAddress } from "./manage-channels";
import { MAX_INBOUND_BYTES, receiveMail } from "./receive-email";

export type InboundSmtpOptions = { port: number; host?: string; maxBytes?: number };

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
const log = (message: string, error?: unknown) => console.error(`[email] ${message}`, error ?? "");

/**
 * The built-in inbound listener: accepts mail only for a configured channel's address (550 at RCPT otherwise,
 * so nothing is accepted and dropped), refuses oversized mail (SIZE at MAIL FROM, 552 during DATA), and hands
 * each message to receiveEmail. A storage failure answers 451 so the sending server retries later.
 */
export async function startInboundSmtp(options: InboundSmtpOptions) {
  const maxBytes = options.maxBytes ?? MAX_INBOUND_BYTES;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxBytes,
    logger: false,
    banner: "Dexra inbound mail",
    async onRcptTo(address, _session, callback) {
      try {
        const found = await findChannelsByAddress([baseAddress(address.address.toLowerCase())]);
        callback(found.length ? undefined : smtpError(`No mailbox here for ${address.address}`, 550));
      } catch (error) {
        log("recipient lookup failed", error);
        callback(smtpError("Temporary failure, try again later", 451));
      }
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is read and discarded (the stream must drain before answering).
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (stream.sizeExceeded || size > maxBytes) return callback(smtpError(`Message exceeds the size limit of ${maxBytes} bytes`, 552));
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        receiveMail(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error) => {
            // A pending (unverified) address: refused for good, with the reason, so the sender sees why.
            if (error instanceof ApiError && error.code === "channel_not_verified") return callback(smtpError(error.message, 550));
            log("storing inbound mail failed", error);
            callback(smtpError("Temporary failure storing the message, try again later", 451));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  server.on("error", (error) => log("listener error", error));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import nodemailer from "nodemailer";
import { afterAll, beforeAll } from "vitest";
import { startInboundSmtp } from "../channels/smtp-listener";
import { startSmtpCatcher, type SmtpCatcher } from "./smtp-catcher";

type SmtpLoop = {
  /** Stands in for the outside mail server: every mail our worker sends lands here. */
  catcher: SmtpCatcher;
  /** Our inbound SMTP listener, the part under test. */
  listener: Awaited<ReturnType<typeof startInboundSmtp>>;
  /** A customer's mail server, sending to the listener. */
  sender: ReturnType<typeof nodemailer.createTransport>;
};

/** Real SMTP both ways on loopback, on ports the system picks, for one test file (call it at the top level). */
export function useSmtpLoop(): SmtpLoop {
  const loop = {} as SmtpLoop;
  beforeAll(async () => {
    loop.catcher = await startSmtpCatcher(0);
    loop.listener = await startInboundSmtp({ port: 0, host: "127.0.0.1" });
    loop.sender = nodemailer.createTransport({ host: "127.0.0.1", port: loop.listener.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    loop.sender.close();
    await loop.listener.close();
    await loop.catcher.close();
  });
  return loop;
}

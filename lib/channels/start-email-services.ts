import { emailWorkerOptionsFromEnv, startEmailWorker } from "./email-worker";
import { startInboundSmtp } from "./smtp-listener";

/**
 * The email side of a worker (or of the app when it runs its worker in-process): outbound delivery when
 * DEXRA_SMTP_URL is set, the inbound SMTP listener when DEXRA_INBOUND_SMTP_PORT is (host: DEXRA_INBOUND_SMTP_HOST).
 */
export async function startEmailServices(env = process.env) {
  const worker = env.DEXRA_SMTP_URL ? startEmailWorker(emailWorkerOptionsFromEnv(env)) : null;
  const port = env.DEXRA_INBOUND_SMTP_PORT ? Number(env.DEXRA_INBOUND_SMTP_PORT) : null;
  const listener = port ? await startInboundSmtp({ port, host: env.DEXRA_INBOUND_SMTP_HOST }) : null;
  if (listener) console.error(`[email] inbound SMTP listening on port ${listener.port}`);
  return {
    async stop() {
      await Promise.all([worker?.stop(), listener?.close()]);
    },
  };
}

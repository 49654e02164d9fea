/** Runs once when the server starts: pending migrations are applied before any request is served. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { claimEmbeddedDatabase } = await import("./scripts/embedded-lock");
  claimEmbeddedDatabase();
  const { applyMigrations } = await import("./db/migrate");
  await applyMigrations();
  const { startSnoozeTimer } = await import("./lib/conversations/wake-snoozed");
  startSnoozeTimer();
  const { startSlaTimer } = await import("./lib/sla/mark-breaches");
  startSlaTimer();
  // The webhook worker runs in the app by default; DEXRA_WORKER=off leaves it to `npm run worker` processes.
  if (process.env.DEXRA_WORKER !== "off") {
    const { startWebhookWorker, webhookWorkerOptionsFromEnv } = await import("./lib/webhooks/worker");
    startWebhookWorker(webhookWorkerOptionsFromEnv());
  }
}

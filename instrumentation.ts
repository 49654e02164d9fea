/** Runs once when the server starts: pending migrations are applied before any request is served. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdown, onShutdown } = await import("./lib/ops/shutdown");
  installShutdown();
  const { claimEmbeddedDatabase } = await import("./scripts/embedded-lock");
  claimEmbeddedDatabase();
  const { applyMigrations } = await import("./db/migrate");
  await applyMigrations();
  const { startSnoozeTimer } = await import("./lib/conversations/wake-snoozed");
  startSnoozeTimer(Number(process.env.DEXRA_SNOOZE_POLL_MS ?? 15_000));
  const { startPruneTimer } = await import("./lib/api/prune-tables");
  startPruneTimer();
  const { startSlaTimer } = await import("./lib/sla/mark-breaches");
  startSlaTimer();
  // The webhook worker runs in the app by default; DEXRA_WORKER=off leaves it to `npm run worker` processes.
  if (process.env.DEXRA_WORKER !== "off") {
    const { startWebhookWorker, webhookWorkerOptionsFromEnv } = await import("./lib/webhooks/worker");
    const worker = startWebhookWorker(webhookWorkerOptionsFromEnv());
    onShutdown(() => worker.stop({ graceMs: 5_000 }));
    const { startAutomationWorker, automationWorkerOptionsFromEnv } = await import("./lib/automation/worker");
    const automation = startAutomationWorker(automationWorkerOptionsFromEnv());
    onShutdown(() => automation.stop({ graceMs: 5_000 }));
    const { startRetentionTimer } = await import("./lib/privacy/retention");
    startRetentionTimer();
    const { startEmailServices } = await import("./lib/channels/start-email-services");
    const email = await startEmailServices();
    onShutdown(() => email.stop());
  }
}

/**
 * `npm run worker`: the webhook delivery worker on its own, for installations that run the app with
 * DEXRA_WORKER=off (or want more workers); any number of them can run against the same PostgreSQL.
 */
import { closeDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { logger } from "../lib/ops/logger";
import { SHUTDOWN_DEADLINE_MS } from "../lib/ops/shutdown";
import { startRetentionTimer } from "../lib/privacy/retention";
import { startEmailServices } from "../lib/channels/start-email-services";
import { startPruneTimer } from "../lib/api/prune-tables";
import { startWebhookWorker, webhookWorkerOptionsFromEnv } from "../lib/webhooks/worker";
import { automationWorkerOptionsFromEnv, startAutomationWorker } from "../lib/automation/worker";
import { assertEmbeddedDatabaseFree, claimEmbeddedDatabase } from "./embedded-lock";

assertEmbeddedDatabaseFree();
claimEmbeddedDatabase();
await applyMigrations();
const worker = startWebhookWorker(webhookWorkerOptionsFromEnv());
const email = await startEmailServices();
const automation = startAutomationWorker(automationWorkerOptionsFromEnv()); // rules run after commit (lib/automation)
logger.info({ worker: "webhooks" }, "worker started");
startRetentionTimer(); // GDPR retention (lib/privacy): safe in every worker at once (SKIP LOCKED claims)
startPruneTimer();
console.error(`[webhooks] worker ${process.pid} started`);

// SIGTERM: stop claiming, let attempts in flight finish for 5 s, hand back the leases of the rest, all within 10 s.
// `on`, not `once`, and one stop for every signal: a repeated SIGTERM (npm relays it to its script, a process
// manager may send it again) would otherwise meet no listener and kill the process before the leases are back.
let stopping: Promise<void> | undefined;
const shutdown = (signal: string) =>
  (stopping ??= (async () => {
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    logger.info({ signal }, "worker stopping");
    await Promise.all([worker.stop({ graceMs: 5_000 }), automation.stop({ graceMs: 5_000 }), email.stop()]);
    await closeDb();
    logger.info({}, "worker stopped");
    process.exit(0);
  })());
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

/**
 * `npm run worker`: the webhook delivery worker on its own, for installations that run the app with
 * DEXRA_WORKER=off (or want more workers); any number of them can run against the same PostgreSQL.
 */
import { closeDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { startPruneTimer } from "../lib/api/prune-tables";
import { startWebhookWorker, webhookWorkerOptionsFromEnv } from "../lib/webhooks/worker";
import { assertEmbeddedDatabaseFree, claimEmbeddedDatabase } from "./embedded-lock";

assertEmbeddedDatabaseFree();
claimEmbeddedDatabase();
await applyMigrations();
const worker = startWebhookWorker(webhookWorkerOptionsFromEnv());
startPruneTimer();
console.error(`[webhooks] worker ${process.pid} started`);

const shutdown = async () => {
  await worker.stop();
  await closeDb();
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

/**
 * Test helper run as a child process: claims an Idempotency-Key exactly as a request would, then dies with
 * SIGKILL mid-request (no response saved, no cleanup), as a crashed or OOM-killed server would.
 * Usage: tsx lib/api/testing/claim-and-die.ts <api key id> <organization id> <key> <fingerprint>
 */
import { claimIdempotencyKey } from "../idempotency";

const [apiKeyId, orgId, key, fingerprint] = process.argv.slice(2) as [string, string, string, string];
const claim = await claimIdempotencyKey(apiKeyId, orgId, key, fingerprint);
process.stdout.write(claim.replay ? "replayed\n" : "claimed\n", () => process.kill(process.pid, "SIGKILL"));

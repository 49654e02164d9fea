import { eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { sha256 } from "../crypto";
import { ApiError } from "../errors";
import { KEY_SHAPE } from "../keys/key-format";
import { countRequests, currentWindow, judgeRateLimit, rateLimitBuckets, type RateLimitState } from "./rate-limit";

export type AuthenticatedKey = {
  id: string;
  kind: "server" | "client";
  name: string;
  prefix: string;
  orgId: string;
  rateLimitPerMinute: number;
  /** Browser origins the organization allows client keys from (empty: any). */
  allowedOrigins: string[];
  /** The identity secrets of the (live) organization: current, and the previous one while it is still accepted. */
  identitySecrets: string[];
};

// Unknown, malformed and revoked keys get the very same answer, so the answer tells nothing.
const invalidKey = () => new ApiError("unauthorized", "Invalid or missing API key", [], { "www-authenticate": 'Bearer realm="dexra"' });

const USED_EVERY_MS = 60_000;
const lastMarked = new Map<string, number>();

type KeyRow = {
  id: string;
  kind: "server" | "client";
  name: string;
  prefix: string;
  org_id: string;
  rate_limit_per_minute: number;
  allowed_origins: string[];
  secret: string;
  previous_secret: string | null;
  counted: number | null;
  reset: number | null;
};

/**
 * The key and its (live) organization's settings; a sandbox key uses its parent's rate limit and identity
 * secret. With `countServerKey`, the same statement also counts the request against a server key's rate limit
 * (a data-modifying CTE): one round trip where a lookup and a separate counter upsert were two.
 */
const keyLookup = (hash: string, countServerKey: boolean) => sql`
  with k as (
    select k.id, k.kind, k.name, k.prefix, k.organization_id as org_id, live.rate_limit_per_minute, live.allowed_origins,
      live.identity_secret as secret,
      case when live.previous_identity_secret_expires_at > now() then live.previous_identity_secret end as previous_secret
    from api_keys k
    join organizations o on o.id = k.organization_id
    join organizations live on live.id = coalesce(o.sandbox_of_id, o.id)
    where k.key_hash = ${hash} and k.revoked_at is null
    limit 1
  )${countServerKey ? sql`, counted as (${countRequests(sql`select 'key:' || k.id, ${currentWindow()}, 1 from k where k.kind = 'server'`)})
  select k.*, counted.count as counted, counted.reset from k left join counted on true` : sql`
  select k.*, null::int as counted, null::int as reset from k`}`;

export type CountedKey = AuthenticatedKey & { rateLimit: RateLimitState | null };

/**
 * Resolves `Authorization: Bearer <key>` to the key and its organization in one round trip. `countServerKey`
 * (the /api/v1 edge): a server key's request is counted in that same round trip, and over its limit → 429.
 */
export async function authenticateKey(request: Request, options: { countServerKey?: boolean } = {}): Promise<CountedKey> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match || !KEY_SHAPE.test(match[1]!)) throw invalidKey();
  const [row] = await rows<KeyRow>(keyLookup(sha256(match[1]!), options.countServerKey === true));
  if (!row) throw invalidKey();
  markUsed(row.id);
  const key: AuthenticatedKey = {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    orgId: row.org_id,
    rateLimitPerMinute: row.rate_limit_per_minute,
    allowedOrigins: row.allowed_origins,
    identitySecrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
  };
  const counted = row.counted === null ? null : [{ bucket: `key:${row.id}`, count: row.counted, reset: row.reset! }];
  return { ...key, rateLimit: counted ? judgeRateLimit(rateLimitBuckets(key, {}), counted) : null };
}

/** last_used_at is informative: written at most once a minute per key and process, off the request's path. */
function markUsed(id: string) {
  const now = Date.now();
  if ((lastMarked.get(id) ?? 0) > now - USED_EVERY_MS) return;
  lastMarked.set(id, now);
  db.update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, id))
    .catch((error) => console.error("[dexra] recording key use failed", error));
}

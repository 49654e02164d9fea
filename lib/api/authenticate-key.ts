import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { connection, db } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { sha256 } from "../crypto";
import { ApiError } from "../errors";
import { KEY_SHAPE } from "../keys/key-format";

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

const live = alias(organizations, "live");

const USED_EVERY_MS = 60_000;
const lastMarked = new Map<string, number>();

function buildKeyLookup() {
  return db
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      orgId: apiKeys.organizationId,
      rateLimitPerMinute: live.rateLimitPerMinute,
      allowedOrigins: live.allowedOrigins,
      secret: live.identitySecret,
      previousSecret: sql<string | null>`case when ${live.previousIdentitySecretExpiresAt} > now() then ${live.previousIdentitySecret} end`,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    // Settings (rate limit, identity secret) live on the live organization; a sandbox key uses its parent's.
    .innerJoin(live, eq(live.id, sql`coalesce(${organizations.sandboxOfId}, ${organizations.id})`))
    .where(and(eq(apiKeys.keyHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare("dexra_authenticate_key");
}

// Every request runs this lookup: its SQL is built once per database connection, not per request.
let cachedLookup: { conn: unknown; query: ReturnType<typeof buildKeyLookup> } | undefined;
function keyLookup() {
  const conn = connection();
  if (cachedLookup?.conn !== conn) cachedLookup = { conn, query: buildKeyLookup() };
  return cachedLookup.query;
}

/** Resolves `Authorization: Bearer <key>` to the key and its organization in one round trip. */
export async function authenticateKey(request: Request): Promise<AuthenticatedKey> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match || !KEY_SHAPE.test(match[1]!)) throw invalidKey();
  const [row] = await keyLookup().execute({ hash: sha256(match[1]!) });
  if (!row) throw invalidKey();
  markUsed(row.id);
  const { secret, previousSecret, ...key } = row;
  return { ...key, identitySecrets: previousSecret ? [secret, previousSecret] : [secret] };
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

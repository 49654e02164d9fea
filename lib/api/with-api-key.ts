import { randomUUID } from "node:crypto";
import type { Actor, Ctx } from "../context";
import { ApiError } from "../errors";
import { authenticateKey, type AuthenticatedKey } from "./authenticate-key";
import { IDENTITY_BODY_FIELDS, readIdentity, resolveClientActor } from "./client-identity";
import { finishApiRequest } from "../ops/request-log";
import { clientAddress } from "./client-address";
import { assertBrowserOriginAllowed, corsHeaders } from "./cors";
import { watchDatabase } from "../ops/database-watchdog";
import { errorResponse, jsonResponse } from "./error-response";
import { claimIdempotencyKey, releaseIdempotencyKey, saveIdempotentResponse } from "./idempotency";
import { consumeRateLimit, rateLimitBuckets, rateLimitHeaders } from "./rate-limit";
import { assertSafeInput } from "./json-guard";
import { asObject, readJsonBody, readRawBody } from "./read-body";
import { sha256 } from "../crypto";

type KeyKind = AuthenticatedKey["kind"];

export type ApiRequest<P> = {
  request: Request;
  url: URL;
  ctx: Ctx;
  key: AuthenticatedKey;
  params: P;
  /** The JSON body as an object (identity fields removed); `{}` when the method has no body. */
  body: Record<string, unknown>;
  /** The body's bytes, for routes declared with `rawBody` (raw mail, multipart uploads); empty otherwise. */
  raw: Buffer;
  /** Query-string parameters (the last value wins when repeated). */
  query: Record<string, string>;
  requestId: string;
};

export type ApiHandler<P> = (req: ApiRequest<P>) => Promise<Response>;

export type WithApiKeyOptions = {
  keys: KeyKind[];
  /** Client keys may call this without an end-user identity (creating an anonymous conversation). */
  anonymous?: boolean;
  /** The body is not JSON: read it as bytes up to `maxBytes` (Idempotency-Key fingerprints the bytes). */
  rawBody?: { maxBytes: number };
};

type RouteContext<P> = { params: Promise<P> };

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The edge of every /api/v1 route: API key → rate limit → body (1 MiB, JSON) → client identity →
 * Idempotency-Key → handler, with every failure mapped to the JSON error shape. Auth lives here, in the
 * handler itself, never only in middleware.
 */
export function withApiKey<P = Record<string, never>>(handler: ApiHandler<P>, options: WithApiKeyOptions) {
  const handle = async (request: Request, context: RouteContext<P> | undefined, requestId: string, startedAt: number): Promise<Response> => {
    const origin = request.headers.get("origin");
    let headers: Record<string, string> = { "x-request-id": requestId, ...corsHeaders(origin) };
    try {
      // A server key's request is counted against its rate limit in the lookup's own round trip (429 above it).
      const key = await authenticateKey(request, { countServerKey: true });
      if (key.rateLimit) headers = { ...headers, ...rateLimitHeaders(key.rateLimit) };
      assertBrowserOriginAllowed(origin, key, request.headers);
      if (!options.keys.includes(key.kind)) throw new ApiError("forbidden", `This endpoint needs a ${options.keys.join(" or ")} key`);

      const bytes = options.rawBody && BODY_METHODS.has(request.method) ? await readRawBody(request, options.rawBody.maxBytes) : Buffer.alloc(0);
      const raw = BODY_METHODS.has(request.method) && !options.rawBody ? await readJsonBody(request) : { text: bytes.length ? sha256(bytes) : "", json: {} };
      const body = { ...asObject(raw.json) };
      const url = new URL(request.url);
      const params = ((await context?.params) ?? {}) as P;
      const query = Object.fromEntries(url.searchParams);
      // Before anything reads them (identity lookup included): no NUL, no lone surrogate, no absurd nesting.
      assertSafeInput(body, "The request body");
      assertSafeInput(query, "The query string");
      assertSafeInput(params, "The path");
      let actor: Actor = { type: "api_key", id: key.id, name: key.name || key.prefix, kind: key.kind };
      if (key.kind === "client") {
        const endUser = await resolveClientActor(key, readIdentity(request, body));
        if (!endUser && options.anonymous !== true) throw new ApiError("unauthorized", "A client key needs a verified end-user identity (user_email + user_hash, user_jwt, or X-Dexra-User-Token)");
        if (endUser) actor = endUser;
        // Counted once the end user is known: each visitor has a limit of their own under the key's ceiling.
        const caller = endUser?.id ? { endUserId: endUser.id } : { address: clientAddress(request.headers) };
        headers = { ...headers, ...rateLimitHeaders(await consumeRateLimit(rateLimitBuckets(key, caller))) };
        for (const field of IDENTITY_BODY_FIELDS) delete body[field];
      }

      const req: ApiRequest<P> = { request, url, ctx: { orgId: key.orgId, actor }, key, params, body, raw: bytes, query, requestId };
      const idempotencyKey = request.method === "POST" ? request.headers.get("idempotency-key") : null;
      // Anonymous visitors of one publishable key share no identity to keep their replays apart, and a replay
      // could not hand back the one-time X-Dexra-User-Token: refuse rather than replay someone else's answer.
      if (idempotencyKey && key.kind === "client" && actor.type !== "end_user") {
        throw new ApiError("validation_error", "Idempotency-Key needs a verified end user; anonymous requests cannot be replayed");
      }
      const response = idempotencyKey ? await runIdempotent(req, idempotencyKey, raw.text, handler) : await handler(req);
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return finishApiRequest(request, requestId, startedAt, response);
    } catch (error) {
      const response = errorResponse(error, requestId);
      for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
      return finishApiRequest(request, requestId, startedAt, response);
    }
  };
  // A database that stops answering answers 503 within seconds instead of hanging (lib/ops/database-watchdog.ts).
  return (request: Request, context?: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    const startedAt = performance.now();
    return watchDatabase(handle(request, context, requestId, startedAt)).catch((error: unknown) => {
      const response = errorResponse(error, requestId);
      for (const [name, value] of Object.entries({ "x-request-id": requestId, ...corsHeaders(request.headers.get("origin")) })) response.headers.set(name, value);
      return finishApiRequest(request, requestId, startedAt, response);
    });
  };
}

async function runIdempotent<P>(req: ApiRequest<P>, idempotencyKey: string, bodyText: string, handler: ApiHandler<P>) {
  // A publishable key is shared by many end users: each gets their own key space.
  const key = req.ctx.actor.type === "end_user" ? `${req.ctx.actor.id}:${idempotencyKey}` : idempotencyKey;
  const fingerprint = `${req.request.method} ${req.url.pathname.replace(/\/$/, "")}\n${bodyText}`;
  const claim = await claimIdempotencyKey(req.key.id, req.ctx.orgId, key, fingerprint);
  if (claim.replay) return jsonResponse(claim.replay.body, claim.replay.status, { "idempotent-replayed": "true" });
  try {
    let response: Response;
    try {
      response = await handler(req);
    } catch (error) {
      response = errorResponse(error, req.requestId);
    }
    await finish(req.key.id, key, response);
    return response;
  } finally {
    claim.release();
  }
}

async function finish(apiKeyId: string, key: string, response: Response) {
  if (response.status >= 500) return releaseIdempotencyKey(apiKeyId, key);
  await saveIdempotentResponse(apiKeyId, key, { status: response.status, body: await response.clone().json() });
}

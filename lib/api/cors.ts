import { ApiError } from "../errors";

/** Request headers a browser may send to the public API (answered in every preflight). */
const ALLOWED_HEADERS = "authorization, content-type, idempotency-key, x-dexra-user-email, x-dexra-user-hash, x-dexra-user-jwt, x-dexra-user-token";
/** Response headers a browser script may read. */
const EXPOSED_HEADERS = "ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after, x-request-id, x-dexra-user-token, idempotent-replayed";

/** `https://shop.example.com` from an origin or a bare host (`shop.example.com`); null when unparseable. */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.pathname !== "/" || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * The one origin rule, shared by client-key API requests and the chat widget: an origin is allowed when the
 * organization's list names it exactly, or names `*.example.com` and it is a subdomain of example.com (https
 * only). An empty list allows every origin: a publishable key is public, and the list is opt-in hardening.
 */
export function isOriginAllowed(allowed: string[], origin: string): boolean {
  if (allowed.length === 0) return true;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  const url = new URL(normalized);
  return allowed.some((entry) => {
    const wildcard = /^(https?:\/\/)?\*\.(.+)$/i.exec(entry.trim());
    if (wildcard) return url.protocol === "https:" && url.hostname.endsWith(`.${wildcard[2]!.toLowerCase()}`);
    return normalizeOrigin(entry) === normalized;
  });
}

/**
 * Browser requests (they carry `Origin`): a server key is a secret and never belongs in a browser, so it is
 * refused whatever the origin; a client key only from the organization's allowed origins.
 */
export function assertBrowserOriginAllowed(origin: string | null, key: { kind: "server" | "client"; allowedOrigins: string[] }, requestHeaders?: Headers) {
  if (origin === null) return;
  if (key.kind === "server") {
    throw new ApiError("forbidden", "Server keys are secret and cannot be used from a browser; use a client key (pk_…) there");
  }
  // The app's own pages (the widget's iframe is served from here) are always allowed.
  if (!(requestHeaders && isSameHost(origin, requestHeaders)) && !isOriginAllowed(key.allowedOrigins, origin)) {
    throw new ApiError("forbidden", `Origin ${origin} is not allowed for this organization's client keys (Settings → Organization → Allowed origins)`);
  }
}

/**
 * Whether the browser page is on the host the request was sent to. Host (or the proxy's X-Forwarded-Host) is
 * set by the browser, not by page scripts; request.url is no help, as `next start` builds it from its own
 * host name.
 */
function isSameHost(origin: string, headers: Headers) {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return host !== null && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * CORS answer headers. The origin is echoed on every API answer, errors included, so a browser can read why it
 * was refused; no credentials are ever allowed (the API authenticates by bearer key, never by cookie).
 */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (!origin) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" };
}

/** The preflight answer: permissive by design, since the real request is checked against its key. */
export function preflightHeaders(origin: string | null, allow: string): Record<string, string> {
  return {
    allow,
    ...(origin
      ? { "access-control-allow-origin": origin, "access-control-allow-methods": allow, "access-control-allow-headers": ALLOWED_HEADERS, "access-control-max-age": "600", vary: "Origin" }
      : {}),
  };
}

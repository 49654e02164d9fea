import { NextResponse, type NextRequest } from "next/server";
import { malformedApiPath } from "@/lib/api/malformed-path";
import { crossSiteRefusal, isInternalApiPath } from "@/lib/auth/same-origin";
import { contentSecurityPolicy, HSTS, isWidgetPath, newNonce, servedOverHttps } from "@/lib/auth/security-headers";

// Sends visitors without a session cookie to /login. Only a convenience: every page, action and handler
// checks authorization itself (requireAgent / withApiKey). It deliberately does not run Auth.js here:
// Auth.js's middleware re-issues the session cookie, and a page request in flight during sign-out would
// then sign the agent straight back in.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const SIGNED_IN_AREAS = /^\/(inbox|settings|reports)(\/|$)/;

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const malformed = /^\/(api|v1)\//.test(pathname) ? malformedApiPath(pathname) : null;
  if (malformed) return malformed;
  // The public API has its own headers; the widget its own policy (framed only by the allowed domains).
  if (/^\/(api\/v1|v1)\//.test(pathname) || isWidgetPath(pathname)) return NextResponse.next();
  // Internal JSON routes: refuse cross-site state changes (CSRF) before any handler runs; handlers check again.
  if (pathname.startsWith("/api/")) return (isInternalApiPath(pathname) && crossSiteRefusal(request)) || NextResponse.next();

  const https = servedOverHttps(request);
  if (SIGNED_IN_AREAS.test(pathname) && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  // Pages: a fresh nonce per request. Next reads the policy from the request headers and puts the nonce on
  // its scripts; the layout and /docs read x-nonce for their own.
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, pathname, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Everything but the public API (bearer keys, its own headers), Auth.js, and static files.
  // The public API only when its path carries a "%": a JSON 400 for bad encoding, not the router's plain-text 500.
  matcher: ["/((?!api/v1/|api/v1$|v1/|v1$|api/auth/|_next/static/|_next/image|vendor/|favicon.ico).*)", "/api/v1/:path(.*%.*)", "/v1/:path(.*%.*)"],
};

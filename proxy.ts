import { NextResponse, type NextRequest } from "next/server";
import { malformedApiPath } from "./lib/api/malformed-path";

// Sends visitors without a session cookie to /login. Only a convenience: every page, action and handler
// checks authorization itself (requireAgent / withApiKey). It deliberately does not run Auth.js here:
// Auth.js's middleware re-issues the session cookie, and a page request in flight during sign-out would
// then sign the agent straight back in.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(request: NextRequest) {
  // API paths reach the proxy only when they carry a "%" (see the matcher): a JSON 400 for bad encoding.
  if (/^\/(api|v1)\//.test(request.nextUrl.pathname)) return malformedApiPath(request.nextUrl.pathname) ?? NextResponse.next();
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/inbox/:path*", "/settings/:path*", "/reports/:path*", "/api/:path(.*%.*)", "/v1/:path(.*%.*)"],
};

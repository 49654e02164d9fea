// The Content-Security-Policy of every page, built per request around a fresh nonce (Next adds it to its
// own scripts; our inline scripts read it from the x-nonce request header).

/** The chat widget's messenger and loader: framed by customers' sites, so lib/widget sets their own, stricter policy. */
export const isWidgetPath = (pathname: string) => pathname === "/widget" || pathname === "/widget.js" || pathname.startsWith("/widget/");

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: { nonce: string; pathname: string; https: boolean; dev?: boolean }): string {
  const { nonce, pathname, https, dev = process.env.NODE_ENV === "development" } = options;
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd ones load are trusted too; 'self' only for browsers without CSP3.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (virtualized lists, the API reference) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Served over TLS: directly, or behind a proxy that says so (X-Forwarded-Proto), or configured as https. */
export function servedOverHttps(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https" || new URL(request.url).protocol === "https:" || Boolean(process.env.AUTH_URL?.startsWith("https:"));
}

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether a page origin may embed the widget. An empty list allows every origin; "example.com" matches that
 * host on any scheme and port, "*.example.com" its subdomains (not the apex), and a full origin matches exactly.
 */
export function isOriginAllowed(allowed: readonly string[], origin: string | null): boolean {
  if (allowed.length === 0) return true;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  return allowed.some((pattern) => {
    if (/^https?:\/\//.test(pattern)) return pattern.replace(/\/$/, "") === url.origin;
    const [patternHost, port] = pattern.split(":");
    if (port && port !== (url.port || (url.protocol === "https:" ? "443" : "80"))) return false;
    if (patternHost!.startsWith("*.")) return host.endsWith(patternHost!.slice(1));
    return host === patternHost;
  });
}

/** The value of a frame-ancestors directive for these patterns (CSP understands the same shapes). */
export function frameAncestors(allowed: readonly string[]): string {
  if (allowed.length === 0) return "*";
  return allowed
    .flatMap((pattern) => {
      if (/^https?:\/\//.test(pattern)) return [pattern.replace(/\/$/, "")];
      const withPort = pattern.includes(":") ? pattern : `${pattern}:*`;
      return [`http://${withPort}`, `https://${withPort}`];
    })
    .join(" ");
}

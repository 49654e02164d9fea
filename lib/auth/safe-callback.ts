const BASE = "http://dexra.invalid";
const FALLBACK = "/inbox";
// Characters browsers strip or turn into a slash when they parse a URL: never part of a path we redirect to.
const UNSAFE = /[\\\s\u0000-\u001f\u007f]/;

/**
 * Only same-site paths. The path is normalized first (dot segments resolved, as the browser will), because
 * `/..//evil` resolves to `//evil`, which a browser reads as another host. Anything that still looks like a way
 * out (an empty segment, backslashes, control characters, encoded or not) sends the agent to the inbox.
 */
export function safeCallback(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || UNSAFE.test(value)) return FALLBACK;
  let url: URL;
  let decoded: string;
  try {
    url = new URL(value, BASE);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE || UNSAFE.test(decoded) || /\/\/|(^|\/)\.\.?(\/|$)/.test(decoded)) {
    return FALLBACK;
  }
  // Re-check the final form: it must parse back to this site and start with exactly one slash.
  const result = url.pathname + url.search + url.hash;
  return new URL(result, BASE).origin === BASE && /^\/(?![/\\])/.test(result) ? result : FALLBACK;
}

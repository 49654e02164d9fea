/**
 * Next decodes dynamic path segments itself and answers a segment that is not UTF-8 once decoded
 * (`/api/v1/conversations/%C0%80/`) with a plain-text 500 before any route runs. The proxy asks this first
 * for API paths carrying a `%`, so such a URL gets the API's JSON 400 instead. Dependency-free: it runs in
 * the proxy.
 */
export function malformedApiPath(pathname: string): Response | null {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return null;
  } catch {
    const body = { error: { code: "validation_error", message: "The URL has invalid percent-encoding", details: [] } };
    return new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/json" } });
  }
}

import { ApiError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const UPLOAD_PATH = "/api/inbox/attachments";

/** Internal routes that change state (the inbox's JSON API): everything under /api except the public API and Auth.js. */
export const isInternalApiPath = (pathname: string) =>
  pathname.startsWith("/api/") && !pathname.startsWith("/api/v1/") && pathname !== "/api/v1" && !pathname.startsWith("/api/auth/");

function sameHost(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = [request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(request.url).host];
  if (process.env.AUTH_URL) allowed.push(new URL(process.env.AUTH_URL).host);
  return allowed.some((candidate) => candidate?.split(",")[0]?.trim().toLowerCase() === host.toLowerCase());
}

/**
 * Why a state-changing request to an internal, cookie-authenticated route must be refused, or null.
 * SameSite=Lax alone lets a cross-site form post text/plain; so the body must be JSON (which a cross-origin
 * page cannot send without a preflight we never answer) and a browser's Origin / Sec-Fetch-Site must say
 * same-origin. Clients that send neither header are not browsers, and carry no ambient cookies to abuse.
 */
export function crossSiteProblem(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return `Cross-site requests are not allowed here (Sec-Fetch-Site: ${fetchSite}).`;
  const origin = request.headers.get("origin");
  if (origin && !sameHost(origin, request)) return "Cross-origin requests are not allowed here.";
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  // The composer's file upload is multipart (a form can send that cross-site): only when the browser itself
  // vouches for the same origin, and only on that one route.
  const vouched = fetchSite === "same-origin" || (origin !== null && sameHost(origin, request));
  if (type === "multipart/form-data" && vouched && new URL(request.url).pathname.replace(/\/$/, "") === UPLOAD_PATH) return null;
  if (type !== "application/json") return "This endpoint accepts only Content-Type: application/json.";
  return null;
}

/** Throws the 403 the API's error mapper turns into `{"error": {"code": "forbidden", …}}`. */
export function assertSameOriginJson(request: Request) {
  const problem = crossSiteProblem(request);
  if (problem) throw new ApiError("forbidden", problem);
}

/** The same refusal as a response, for the proxy (which runs before any route handler). */
export function crossSiteRefusal(request: Request): Response | null {
  const problem = crossSiteProblem(request);
  return problem ? Response.json({ error: { code: "forbidden", message: problem, details: [] } }, { status: 403 }) : null;
}

import { preflightHeaders } from "./cors";
import { jsonResponse } from "./error-response";

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type RouteHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response> | Response;
export type ApiRouteHandlers = Record<HttpMethod, RouteHandler>;

/** Methods a route implements, as the `Allow` header lists them (HEAD and OPTIONS come with GET and always). */
function allowed(handlers: Partial<ApiRouteHandlers>) {
  const methods = new Set<string>(Object.keys(handlers).filter((m) => handlers[m as HttpMethod]));
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort().join(", ");
}

export const methodNotAllowed = (allow: string, method: string) =>
  jsonResponse({ error: { code: "method_not_allowed", message: `${method} is not supported here; use ${allow}`, details: [] } }, 405, { allow });

const generated = new WeakSet<RouteHandler>();

/** False for the 405 answers apiRoute fills in: tests that walk every route's methods skip them. */
export const isImplemented = (handler: unknown) => typeof handler === "function" && !generated.has(handler as RouteHandler);

/**
 * Every method for one API route, so Next never answers on its own: methods the route lacks get a JSON 405
 * with `Allow` (Next's own is an empty body), HEAD runs GET, OPTIONS answers with `Allow` and the CORS preflight. Use as
 * `export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: withApiKey(…) })`.
 */
export function apiRoute(handlers: Partial<ApiRouteHandlers>): ApiRouteHandlers {
  const allow = allowed(handlers);
  const refuse: RouteHandler = (request) => methodNotAllowed(allow, request.method);
  generated.add(refuse);
  // A CORS preflight carries no key, so it is answered for any origin; the real request is checked against its key.
  const options: RouteHandler = (request) => new Response(null, { status: 204, headers: preflightHeaders(request.headers.get("origin"), allow) });
  return {
    GET: handlers.GET ?? refuse,
    HEAD: handlers.HEAD ?? handlers.GET ?? refuse,
    OPTIONS: handlers.OPTIONS ?? options,
    POST: handlers.POST ?? refuse,
    PUT: handlers.PUT ?? refuse,
    PATCH: handlers.PATCH ?? refuse,
    DELETE: handlers.DELETE ?? refuse,
  };
}

const noSuchRoute: RouteHandler = (request) =>
  jsonResponse({ error: { code: "not_found", message: `No API route ${new URL(request.url).pathname}`, details: [] } }, 404);

/** The catch-all under /api (and /v1): an unknown path is a JSON 404 for every method, never Next's HTML page. */
export const notFoundRoute: ApiRouteHandlers = Object.fromEntries(HTTP_METHODS.map((m) => [m, noSuchRoute])) as ApiRouteHandlers;

/**
 * For routes outside /api/v1 (the inbox's, the widget's, operations): the methods a route does not implement answer
 * a JSON 405 with `Allow` instead of Next's empty one. Export the missing ones from it:
 * `export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST")`.
 */
export function refuseOtherMethods(...implemented: HttpMethod[]): ApiRouteHandlers {
  const allow = [...new Set([...implemented, ...(implemented.includes("GET") ? (["HEAD"] as const) : []), "OPTIONS"])].sort().join(", ");
  const refuse: RouteHandler = (request) => methodNotAllowed(allow, request.method);
  generated.add(refuse);
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, refuse])) as ApiRouteHandlers;
}

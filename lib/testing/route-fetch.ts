import { findRouteFiles, METHODS } from "../api/testing/route-modules";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * A fetch that answers from the app's own route modules (app/api/v1 and app/v1), matched the way Next matches
 * them (with or without the trailing slash): the SDK's tests run real handlers over real Requests, no server.
 */
export async function routeFetch() {
  const routes = await Promise.all(
    findRouteFiles().map(async (route) => {
      const names: string[] = [];
      const source = route.pattern.replace(/\/$/, "").replace(/[.]/g, "\\.").replace(/\[(\w+)\]/g, (_m, name: string) => (names.push(name), "([^/]+)"));
      const module = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
      return { regex: new RegExp(`^${source}/?$`), names, module };
    }),
  );
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    for (const route of routes) {
      const match = route.regex.exec(path);
      if (!match) continue;
      const handler = METHODS.includes(request.method as never) ? route.module[request.method] : undefined;
      if (!handler) return new Response(JSON.stringify({ error: { code: "method_not_allowed", message: request.method, details: [] } }), { status: 405 });
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response(JSON.stringify({ error: { code: "not_found", message: path, details: [] } }), { status: 404 });
  };
}

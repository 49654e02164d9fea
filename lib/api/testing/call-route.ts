type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type CallResult = { status: number; headers: Headers; body: any };

/** Calls a route module's exported handler the way Next does, with a real Request; parses the JSON answer. */
export async function callRoute(handler: unknown, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(new URL(path, "http://localhost:3000"), { method, headers, body });
  const response = await (handler as RouteHandler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

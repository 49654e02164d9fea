import { randomUUID } from "node:crypto";
import { errorResponse, jsonResponse } from "../api/error-response";
import { getAvailability } from "./availability";
import { resolveWidgetKey, WidgetRefusal } from "./widget-key";

/**
 * What the loader needs before drawing anything: the launcher's look, or why there is no widget on this page.
 * Readable cross-origin by the page that asked (and only that origin), so the loader can name the reason.
 */
export async function widgetConfigResponse(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  const cors: Record<string, string> = origin ? { "access-control-allow-origin": origin, vary: "Origin", "cache-control": "no-store" } : { "cache-control": "no-store" };
  try {
    const key = new URL(request.url).searchParams.get("key");
    const widget = await resolveWidgetKey(key, origin);
    const { allowed_domains: _hidden, ...look } = widget.config;
    return jsonResponse({ ...look, sandbox: widget.isTest, availability: await getAvailability(widget.orgId) }, 200, cors);
  } catch (error) {
    if (error instanceof WidgetRefusal) {
      const status = error.reason === "origin_not_allowed" || error.reason === "wrong_key_kind" ? 403 : 401;
      return jsonResponse({ error: { code: error.reason, message: error.message, details: [] } }, status, cors);
    }
    const response = errorResponse(error, randomUUID());
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  }
}

import { refuseOtherMethods } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { metrics } from "@/lib/ops/metrics";
import { metricsAccess } from "@/lib/ops/metrics-access";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Prometheus text for this instance (requests, latencies, process) plus the shared webhook queue. */
export async function GET(request: Request) {
  const access = metricsAccess(request);
  if (access === "disabled") return jsonResponse({ error: { code: "not_found", message: "Metrics are not enabled (set DEXRA_METRICS_TOKEN)", details: [] } }, 404);
  if (access === "unauthorized") {
    return jsonResponse({ error: { code: "unauthorized", message: "A valid metrics token is required", details: [] } }, 401, { "www-authenticate": "Bearer" });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");

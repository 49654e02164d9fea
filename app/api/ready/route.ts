import { refuseOtherMethods } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { RETRY_AFTER_SECONDS } from "@/lib/ops/database-errors";
import { checkReadiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Readiness for a load balancer: 200 when the database answers and migrations are applied, else 503 with the reason. */
export async function GET() {
  const readiness = await checkReadiness();
  if (readiness.status === "ready") return jsonResponse(readiness);
  return jsonResponse(readiness, 503, { "retry-after": String(RETRY_AFTER_SECONDS) });
}

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");

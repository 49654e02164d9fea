import { refuseOtherMethods } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";

export const dynamic = "force-dynamic";

/** Liveness: the process runs and answers. Touches no database (an outage must not get the process restarted). */
export function GET() {
  return jsonResponse({ status: "ok" });
}

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");

import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * GET /api/metrics is off (404) unless DEXRA_METRICS_TOKEN is set, and then needs `Authorization: Bearer
 * <token>` (401 otherwise), compared in constant time.
 */
export function metricsAccess(request: Request, token = process.env.DEXRA_METRICS_TOKEN): "allowed" | "unauthorized" | "disabled" {
  if (!token) return "disabled";
  const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token)) ? "allowed" : "unauthorized";
}

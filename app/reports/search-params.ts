const KEYS = ["from", "to", "time_zone", "business_hours", "team", "agent", "metric", "weekday", "hour", "occurred_from", "occurred_to"] as const;

/** The report filters from a page's search params: known keys only, first value, empty means unset. */
export function reportParams(params: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) out[key] = first;
  }
  return out;
}

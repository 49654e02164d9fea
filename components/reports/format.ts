/** "45s", "12m", "3h 05m", "2d 4h": a duration at a glance. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export type ReportLinkFilters = { from: string; to: string; time_zone: string; business_hours: boolean; team: string | null; agent: string | null };

/** A link that keeps the report's exact range and filters (instants, so the drill-down counts the same rows). */
export function reportHref(path: string, f: ReportLinkFilters, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ from: f.from, to: f.to, time_zone: f.time_zone, ...extra });
  if (f.business_hours) q.set("business_hours", "true");
  if (f.team) q.set("team", f.team);
  if (f.agent) q.set("agent", f.agent);
  return `${path}?${q}`;
}

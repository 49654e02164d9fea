/**
 * SLA attainment as the Reports page shows it: the share of the range's SLA-covered conversations (created in it,
 * with a policy) that had no target breached in it. Null when no conversation was covered (nothing to attain).
 * `breached` counts breaches within the covered set only (summary.ts, slaBreaches), so it never exceeds `applicable`.
 */
export function slaAttainmentPct(sla: { applicable: number; breached: number }): number | null {
  if (sla.applicable === 0) return null;
  return Math.round((1000 * (sla.applicable - sla.breached)) / sla.applicable) / 10;
}

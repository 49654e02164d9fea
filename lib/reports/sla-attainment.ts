/**
 * SLA attainment as the Reports page shows it: the share of the range's SLA-covered conversations (created in it,
 * with a policy) that had no target breached in it. Null when no conversation was covered (nothing to attain).
 * Breaches in the range can belong to conversations created before it, so the share never goes below 0 %.
 */
export function slaAttainmentPct(sla: { applicable: number; breached: number }): number | null {
  if (sla.applicable === 0) return null;
  const met = Math.max(0, sla.applicable - sla.breached);
  return Math.round((1000 * met) / sla.applicable) / 10;
}

// Snooze presets, shared by the snooze dialog and the bulk bar (pure, so they can be tested for any "now").

export type SnoozePreset = { label: string; until: Date };

function at(now: Date, daysFromNow: number, hour: number) {
  const d = new Date(now);
  d.setDate(d.getDate() + daysFromNow);
  d.setHours(hour, 0, 0, 0);
  return d;
}

/**
 * Later today, tomorrow morning, next Monday morning, in a week: each a different moment. A preset that would
 * fall on the same time as an earlier one (tomorrow is Monday; today is Monday, so next Monday is in a week)
 * is left out rather than shown twice under two names.
 */
export function snoozePresets(now = new Date()): SnoozePreset[] {
  const nextMonday = (8 - now.getDay()) % 7 || 7;
  const all = [
    { label: "In 1 hour", until: new Date(now.getTime() + 3_600_000) },
    { label: "In 4 hours", until: new Date(now.getTime() + 4 * 3_600_000) },
    { label: "Tomorrow, 9:00", until: at(now, 1, 9) },
    { label: "Next Monday, 9:00", until: at(now, nextMonday, 9) },
    { label: "In a week, 9:00", until: at(now, 7, 9) },
  ];
  const seen = new Set<number>();
  return all.filter((p) => {
    // Within the same hour counts as the same (4 hours from 5:00 is tomorrow's 9:00 give or take).
    const key = Math.round(p.until.getTime() / 3_600_000);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A preset's moment as an agent reads it: weekday, date and time ("Tue 2 Dec, 09:00"). */
export const formatPresetDate = (d: Date) =>
  d.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

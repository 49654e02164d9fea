"use client";

import { startTransition, useActionState, useState } from "react";
import { setAvailabilityAction } from "@/components/profile/actions";
import { idleState } from "@/lib/settings/form-data";

type Availability = "online" | "away" | "offline";
const DOT: Record<Availability, string> = { online: "bg-emerald-500", away: "bg-amber-400", offline: "bg-slate-400" };

/**
 * The agent's availability in the header (the same setting as /profile, through its server action): round-robin
 * automation assigns conversations only to agents who are online.
 */
export function AvailabilityToggle({ initial }: { initial: Availability }) {
  const [value, setValue] = useState<Availability>(initial);
  const [state, dispatch, pending] = useActionState(setAvailabilityAction, idleState);
  const change = (next: Availability) => {
    setValue(next);
    const form = new FormData();
    form.set("availability", next);
    startTransition(() => dispatch(form));
  };
  return (
    <label className="inline-flex items-center gap-1.5 text-sm" title="Round-robin assigns conversations only to online agents">
      <span aria-hidden className={`size-2 rounded-full ${DOT[value]}`} />
      <select
        // Not "Availability": /profile's own form owns that name.
        aria-label="Set yourself online, away or offline"
        value={value}
        disabled={pending}
        onChange={(e) => change(e.target.value as Availability)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
        <option value="offline">Offline</option>
      </select>
      {state.status === "error" && <span role="alert" className="text-xs text-red-600">{state.message}</span>}
    </label>
  );
}

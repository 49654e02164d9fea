"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { formatPresetDate, snoozePresets } from "@/lib/inbox/snooze-presets";

function at(daysFromNow: number, hour: number) {
  const d = new Date();
  d.setDate(d.getDate() + daysFromNow);
  d.setHours(hour, 0, 0, 0);
  return d;
}

// <input type="datetime-local"> speaks local time without a zone.
const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Snooze presets plus an exact date and time; the conversation reopens by itself then. */
export function SnoozeDialog({ open, onClose, onSnooze }: { open: boolean; onClose: () => void; onSnooze: (until: Date) => void }) {
  const [custom, setCustom] = useState(() => toLocalInput(at(1, 9)));
  const [error, setError] = useState("");
  const choose = (until: Date) => {
    onSnooze(until);
    onClose();
  };
  return (
    <Dialog open={open} title="Snooze until…" onClose={onClose}>
      <ul className="grid grid-cols-2 gap-2">
        {snoozePresets().map((p) => (
          <li key={p.label}>
            <Button className="w-full justify-between" onClick={() => choose(p.until)}>
              <span>{p.label}</span>
              <span className="text-xs text-slate-500">{formatPresetDate(p.until)}</span>
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="mt-4 flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const until = new Date(custom);
          if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) return setError("Pick a date and time in the future.");
          choose(until);
        }}
      >
        <label className="flex-1 text-sm">
          Date and time
          <input
            type="datetime-local"
            value={custom}
            min={toLocalInput(new Date())}
            onChange={(e) => {
              setCustom(e.target.value);
              setError("");
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <Button type="submit" variant="primary">
          Snooze
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      )}
      <div className="mt-4 text-right">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import { Button } from "../ui/button";

type Definition = InboxDirectory["attributeDefinitions"][number];

function toInput(value: unknown) {
  if (value === null || value === undefined) return "";
  return String(value);
}

function fromInput(def: Definition, raw: string): unknown {
  if (raw === "") return null;
  if (def.type === "number") return Number.isNaN(Number(raw)) ? raw : Number(raw);
  if (def.type === "boolean") return raw === "true";
  return raw;
}

/** Edits custom attributes by their definitions; the server validates again and its message is shown. */
export function AttributeForm({ definitions, values, onSave, label }: { definitions: Definition[]; values: Record<string, unknown>; onSave: (patch: Record<string, unknown>) => void; label: string }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  if (definitions.length === 0) return <p className="text-xs text-slate-500">No attributes are defined for these yet (Settings → Custom attributes).</p>;
  const dirty = Object.keys(draft).length > 0;
  return (
    <form
      aria-label={label}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const patch = Object.fromEntries(Object.entries(draft).map(([key, raw]) => [key, fromInput(definitions.find((d) => d.key === key)!, raw)]));
        onSave(patch);
        setDraft({});
      }}
    >
      {definitions.map((def) => {
        const value = draft[def.key] ?? toInput(values[def.key]);
        const id = `${label}-${def.key}`.replace(/\W+/g, "-");
        const common = {
          id,
          value,
          required: def.required,
          onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [def.key]: e.target.value })),
          className: "mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900",
        };
        return (
          <div key={def.key}>
            <label htmlFor={id} className="text-xs text-slate-500 dark:text-slate-400">
              {def.label}
            </label>
            {def.type === "select" ? (
              <select {...common}>
                <option value="">—</option>
                {def.options.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : def.type === "boolean" ? (
              <select {...common}>
                <option value="">—</option>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </select>
            ) : (
              <input {...common} type={def.type === "number" ? "number" : def.type === "date" ? "date" : "text"} step="any" />
            )}
          </div>
        );
      })}
      {dirty && (
        <div className="flex gap-2">
          <Button type="submit" size="sm" variant="primary">
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDraft({})}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}

"use client";

import { useState } from "react";
import type { InboxDirectory } from "@/lib/inbox/get-directory";

export function TagEditor({ tags, known, onAdd, onRemove }: { tags: string[]; known: InboxDirectory["tags"]; onAdd: (tag: string) => void; onRemove: (tag: string) => void }) {
  const [value, setValue] = useState("");
  const color = (name: string) => known.find((t) => t.name.toLowerCase() === name.toLowerCase())?.color ?? "#64748b";
  return (
    <div>
      <ul className="flex flex-wrap gap-1" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700">
            <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: color(tag) }} />
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)} className="text-slate-500 hover:text-rose-600">
              ✕
            </button>
          </li>
        ))}
        {tags.length === 0 && <li className="text-xs text-slate-500">No tags</li>}
      </ul>
      <form
        className="mt-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onAdd(value.trim());
          setValue("");
        }}
      >
        <label htmlFor="add-tag" className="sr-only">Add a tag</label>
        <input
          id="add-tag"
          list="known-tags"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="Add a tag and press Enter"
          className="block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <datalist id="known-tags">
          {known.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
      </form>
    </div>
  );
}

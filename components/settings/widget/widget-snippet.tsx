"use client";

import { useActionState, useState } from "react";
import { createWidgetKeyAction } from "@/components/settings/widget/actions";
import { idleState } from "@/lib/settings/form-data";
import { CopyButton } from "../copy-button";
import { FormStatus } from "../form-status";
import { inputClass, secondaryButtonClass } from "../styles";

/** The embed snippet. Keys are stored only as hashes, so the admin pastes a publishable key or creates one here. */
export function WidgetSnippet({ appUrl }: { appUrl: string }) {
  const [state, create, pending] = useActionState(createWidgetKeyAction, idleState);
  const created = state.status === "ok" ? state.result?.key : undefined;
  const [typed, setTyped] = useState("");
  const key = typed || created || "pk_live_…";
  const snippet = `<script src="${appUrl}/widget.js" data-dexra-key="${key}" async></script>`;
  return (
    <div className="space-y-3">
      <h2 id="widget-snippet-title" className="text-base font-semibold">Snippet</h2>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="widget-key" className="block text-sm font-medium">Publishable key</label>
          <input id="widget-key" className={`${inputClass} font-mono`} placeholder={created ?? "pk_live_…"} value={typed} onChange={(e) => setTyped(e.target.value.trim())} />
        </div>
        <form action={create} className="flex gap-2">
          <button type="submit" name="mode" value="live" disabled={pending} className={secondaryButtonClass}>Create a widget key</button>
          <button type="submit" name="mode" value="test" disabled={pending} className={secondaryButtonClass}>Create a sandbox key</button>
        </form>
      </div>
      {created && <p role="status" className="text-sm text-amber-800 dark:text-amber-300">New key {created}: it is shown only now and is already in the snippet below.</p>}
      <FormStatus state={state.status === "error" ? state : idleState} />
      <pre aria-label="Widget snippet" className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"><code>{snippet}</code></pre>
      <div className="flex items-center gap-3">
        <CopyButton value={snippet} label="Copy snippet" />
        <p className="text-xs text-slate-500 dark:text-slate-400">A <code>pk_test_</code> key keeps the whole widget on sandbox data. Identify signed-in users with <code>Dexra(&quot;identify&quot;, {"{"}email, user_hash{"}"})</code>.</p>
      </div>
    </div>
  );
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { InboxMessage } from "@/lib/inbox/get-thread";
import { inboxFetch } from "../inbox/inbox-api";
import { inboxKeys } from "../inbox/query-keys";
import { Button } from "../ui/button";
import { LocalTime } from "../ui/local-time";

const STATE = {
  queued: { label: "Queued", className: "text-slate-600 dark:text-slate-300" },
  sent: { label: "Sent", className: "text-emerald-700 dark:text-emerald-400" },
  failed: { label: "Failed", className: "text-red-700 dark:text-red-400" },
};

/** From/To/CC of an email message, and for outbound mail its delivery state with the reason and a Retry. */
export function EmailMeta({ message }: { message: InboxMessage }) {
  const email = message.email;
  const client = useQueryClient();
  const [retrying, setRetrying] = useState(false);
  // Failed mail whose next attempt is hours away is not worth polling for; queued mail and imminent retries are.
  const pending = email?.delivery_status === "queued" || (email?.delivery_status === "failed" && email.retry_at !== null && Date.parse(email.retry_at) - Date.now() < 60_000);
  // Delivery happens in the worker after commit: poll the thread while this mail is still on its way.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void client.invalidateQueries({ queryKey: inboxKeys.threads() }), 2000);
    return () => clearInterval(timer);
  }, [pending, client]);
  if (!email) return null;
  const state = email.delivery_status ? STATE[email.delivery_status] : null;
  const retry = async () => {
    setRetrying(true);
    try {
      await inboxFetch(`/api/inbox/email/${message.id}/retry`, { method: "POST" });
    } finally {
      setRetrying(false);
      void client.invalidateQueries({ queryKey: inboxKeys.threads() });
    }
  };
  return (
    <div className="mb-2 space-y-0.5 text-xs text-slate-500 dark:text-slate-400" aria-label="Email details">
      <p><span className="font-medium">From:</span> {email.from ?? "—"}</p>
      <p><span className="font-medium">To:</span> {email.to.join(", ") || "—"}</p>
      {email.cc.length > 0 && <p><span className="font-medium">CC:</span> {email.cc.join(", ")}</p>}
      {state && (
        <p role="status" className="flex flex-wrap items-center gap-2">
          <span className={`font-medium ${state.className}`}>{state.label}</span>
          {email.delivery_status === "failed" && email.delivery_error && <span>— {email.delivery_error}</span>}
          {/* LocalTime: the server renders the thread in UTC; the reader's own clock replaces it after hydration. */}
          {email.delivery_status === "failed" && email.retry_at && <span>(next attempt <LocalTime iso={email.retry_at} options={{ hour: "2-digit", minute: "2-digit", second: "2-digit" }} />)</span>}
          {email.delivery_status === "failed" && (
            <Button size="sm" variant="secondary" onClick={retry} disabled={retrying}>
              {retrying ? "Retrying…" : "Retry"}
            </Button>
          )}
        </p>
      )}
      {email.original_url && (
        <p><a className="underline" href={email.original_url}>Download original email</a></p>
      )}
    </div>
  );
}

/** Files of a message: raster images previewed, everything else a download link. */
export function MessageAttachments({ message }: { message: InboxMessage }) {
  if (!message.attachments?.length) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Attachments">
      {message.attachments.map((a) => (
        <li key={a.id}>
          <a href={a.url} target="_blank" rel="noreferrer" className="block rounded border border-slate-200 p-1 text-xs dark:border-slate-700">
            {a.preview ? <img src={a.url} alt={a.filename} className="max-h-40 max-w-60 object-contain" /> : <span>📎 {a.filename}</span>}
            {a.preview && <span className="block truncate">{a.filename}</span>}
            <span className="text-slate-500"> ({Math.max(1, Math.round(a.size / 1024))} KB)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Above the composer on email conversations: where the next reply goes. */
export function EmailRecipientLine({ email }: { email: { to: string | null; cc: string[]; from: string | null } | null }) {
  if (!email) return null;
  return (
    <p className="border-t border-slate-200 bg-white px-3 pt-2 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-300" aria-label="Email recipients">
      Email to <span className="font-medium">{email.to ?? "(no address)"}</span>
      {email.cc.length > 0 && <> · CC {email.cc.join(", ")}</>}
      {email.from && <> · from {email.from}</>}
    </p>
  );
}

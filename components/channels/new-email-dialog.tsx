"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { inboxFetch, InboxRequestError } from "../inbox/inbox-api";
import { inboxKeys } from "../inbox/query-keys";
import { useInboxUrl } from "../inbox/use-inbox-url";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

const field = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** "New email": an agent writes to a customer first; the conversation opens once the mail is queued. */
export function NewEmailButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { navigate } = useInboxUrl();
  const client = useQueryClient();
  const submit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    try {
      const created = await inboxFetch<{ number: number }>("/api/inbox/email/new", {
        method: "POST",
        body: { to: form.get("to"), subject: form.get("subject"), body: form.get("body") },
      });
      setOpen(false);
      void client.invalidateQueries({ queryKey: inboxKeys.lists() });
      navigate({ conversation: created.number });
    } catch (e) {
      setError(e instanceof InboxRequestError ? e.message : "Could not send the email.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>New email</Button>
      <Dialog open={open} title="New email" onClose={() => setOpen(false)}>
        <form action={submit} className="space-y-3 p-4">
          <h2 className="font-semibold">New email</h2>
          <label className="block text-sm">To <input name="to" type="email" required className={field} autoFocus /></label>
          <label className="block text-sm">Subject <input name="subject" required maxLength={500} className={field} /></label>
          <label className="block text-sm">Message <textarea name="body" required rows={6} className={field} /></label>
          {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={busy}>{busy ? "Sending…" : "Send email"}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

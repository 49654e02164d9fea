"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { useRequester } from "./use-inbox-data";

type Props = { open: boolean; onClose: () => void; conversation: { id: string; number: number; requesterId: string }; onMerge: (into: { id: string; number: number }) => void };

/** Merge into another conversation of the same requester (the only ones the server accepts). */
export function MergeDialog({ open, onClose, conversation, onMerge }: Props) {
  const requester = useRequester(open ? conversation.requesterId : undefined, conversation.id);
  const [choice, setChoice] = useState<string>("");
  const candidates = requester.data?.other_conversations ?? [];
  return (
    <Dialog open={open} title={`Merge #${conversation.number} into…`} onClose={onClose}>
      {requester.isPending ? (
        <p role="status" className="text-sm text-slate-500">Loading the requester's conversations…</p>
      ) : candidates.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">This requester has no other conversation to merge into.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const target = candidates.find((c) => c.id === choice);
            if (!target) return;
            onMerge({ id: target.id, number: target.number });
            onClose();
          }}
        >
          <fieldset>
            <legend className="mb-2 text-sm text-slate-600 dark:text-slate-300">Messages move to the chosen conversation and #{conversation.number} is closed. You can undo it.</legend>
            <ul className="max-h-64 space-y-1 overflow-y-auto">
              {candidates.map((c) => (
                <li key={c.id}>
                  <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                    <input type="radio" name="into" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} className="accent-indigo-600" />
                    <span className="text-slate-500">#{c.number}</span> <span className="truncate">{c.subject}</span>
                    <span className="ml-auto text-xs text-slate-500">{c.status}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={!choice}>
              Merge
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

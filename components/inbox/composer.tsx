"use client";

import { useImperativeHandle, useRef, useState, type Ref } from "react";
import { flushSync } from "react-dom";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import { Button } from "../ui/button";
import { Kbd } from "../ui/kbd";
import { CannedMenu, fillCanned, filterCanned } from "./canned-menu";
import { MessageMarkdown } from "./markdown";
import type { Me } from "./optimistic";
import { useDraft, type ComposerMode } from "./use-draft";
import { useSendMessage } from "./use-send-message";
import { SendMenu } from "./send-menu";
import type { ThenStatus } from "@/lib/inbox/schemas";
import { ComposerFiles, useComposerAttachments } from "../channels/use-composer-attachments";

export type ComposerHandle = { focus: (mode: ComposerMode) => void };

type Props = {
  conversation: { id: string; number: number; requesterFirstName: string };
  me: Me;
  canned: InboxDirectory["cannedReplies"];
  onTyping: () => void;
  ref?: Ref<ComposerHandle>;
};

// "/" at the start of a line or after a space opens the canned replies, filtered by what follows.
const SLASH = /(^|\s)\/([\w-]*)$/;

export function Composer({ conversation, me, canned, onTyping, ref }: Props) {
  const [draft, setDraft] = useDraft(conversation.id);
  const [preview, setPreview] = useState(false);
  const [menuIndex, setMenuIndex] = useState(0);
  const [caret, setCaret] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const send = useSendMessage(conversation, me);
  const files = useComposerAttachments();

  useImperativeHandle(ref, () => ({
    // Focused before this keydown returns: a key typed right after `r` lands in the composer, not on the page
    // (focusing on the next frame lost the first character of a fast typist).
    focus: (mode) => {
      flushSync(() => {
        setPreview(false);
        setDraft((d) => ({ ...d, mode }));
      });
      textarea.current?.focus();
    },
  }));

  const slash = preview ? null : SLASH.exec(draft.body.slice(0, caret));
  const matches = slash ? filterCanned(canned, slash[2] ?? "") : [];
  const note = draft.mode === "note";

  const pick = (reply: (typeof canned)[number]) => {
    const before = draft.body.slice(0, caret).replace(SLASH, (_m, space: string) => space);
    const text = fillCanned(reply.body, { requesterFirstName: conversation.requesterFirstName, agentName: me.name });
    const body = before + text + draft.body.slice(caret);
    setDraft((d) => ({ ...d, body }));
    setCaret(before.length + text.length);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(before.length + text.length, before.length + text.length));
  };

  const submit = (thenStatus?: ThenStatus) => {
    const body = draft.body.trim();
    if (!body || send.isPending || files.uploading || files.failed) return;
    // Only a reply can change the status (the server refuses a note with one).
    if (thenStatus && draft.mode !== "reply") return;
    // The agent's signature (set on /profile) closes every reply, never a private note.
    const signed = draft.mode === "reply" ? withSignature(body, me.signature) : body;
    send.mutate(
      { body: signed, mode: draft.mode, attachmentIds: files.ids, thenStatus },
      {
        onSuccess: () => {
          setDraft((d) => (d.body.trim() === body ? { ...d, body: "" } : d));
          files.clear();
        },
      },
    );
  };

  return (
    <form
      aria-label="Composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className={`border-t p-3 ${note ? "border-amber-300 bg-amber-50/60 dark:border-amber-800 dark:bg-amber-950/20" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"}`}
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <div role="radiogroup" aria-label="Message type" className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          {(["reply", "note"] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={draft.mode === mode}
              onClick={() => setDraft((d) => ({ ...d, mode }))}
              className={`rounded px-2.5 py-1 text-xs font-medium ${draft.mode === mode ? (mode === "note" ? "bg-amber-200 text-amber-900 dark:bg-amber-800 dark:text-amber-50" : "bg-indigo-600 text-white") : "text-slate-600 dark:text-slate-300"}`}
            >
              {mode === "reply" ? "Reply" : "Private note"}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <Button size="sm" variant="ghost" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
            {preview ? "Write" : "Preview"}
          </Button>
        </div>
      </div>
      <div className="relative">
        {matches.length > 0 || slash ? <CannedMenu id="canned-menu" items={matches} activeIndex={Math.min(menuIndex, matches.length - 1)} onPick={pick} /> : null}
        {preview ? (
          <div className="min-h-24 rounded-md border border-slate-300 bg-white p-3 dark:border-slate-700 dark:bg-slate-900" aria-label="Preview">
            {draft.body.trim() ? <MessageMarkdown source={draft.body} /> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}
          </div>
        ) : (
          <textarea
            ref={textarea}
            aria-label={note ? "Private note (only agents see it)" : "Reply to the customer"}
            aria-controls={slash ? "canned-menu" : undefined}
            aria-activedescendant={slash && matches.length ? `canned-menu-${Math.min(menuIndex, matches.length - 1)}` : undefined}
            placeholder={note ? "Write a private note — only agents see it. Markdown works." : "Write a reply… Markdown works, / for canned replies."}
            value={draft.body}
            rows={4}
            onChange={(e) => {
              setDraft((d) => ({ ...d, body: e.target.value }));
              setCaret(e.target.selectionStart);
              setMenuIndex(0);
              onTyping();
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            {...files.targetProps}
            onKeyDown={(e) => {
              if ((e.metaKey || e.ctrlKey) && e.key === "Enter") {
                e.preventDefault();
                // Shift: send and resolve; Alt/Option: send and set pending.
                submit(e.shiftKey ? "resolved" : e.altKey ? "pending" : undefined);
              } else if (slash && matches.length) {
                if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                  e.preventDefault();
                  setMenuIndex((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
                } else if (e.key === "Enter" || e.key === "Tab") {
                  e.preventDefault();
                  pick(matches[Math.min(menuIndex, matches.length - 1)]!);
                }
              } else if (e.key === "Escape") e.currentTarget.blur();
            }}
            className="block w-full resize-y rounded-md border border-slate-300 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        )}
      </div>
      <ComposerFiles files={files.files} onRemove={files.remove} />
      <div className="mt-2 flex items-center justify-between">
        <p className="text-xs text-slate-500 dark:text-slate-400">
          <Kbd>Ctrl</Kbd>/<Kbd>⌘</Kbd>+<Kbd>Enter</Kbd> to send{note ? "" : <>, +<Kbd>Shift</Kbd> to send and resolve</>} · drafts are kept per conversation
        </p>
        <div className="flex items-stretch">
          <Button type="submit" variant={note ? "secondary" : "primary"} className={note ? "" : "rounded-r-none"} disabled={!draft.body.trim() || send.isPending}>
            {send.isPending ? "Sending…" : note ? "Add note" : "Send reply"}
          </Button>
          {!note && <SendMenu disabled={!draft.body.trim() || send.isPending} onSend={submit} />}
        </div>
      </div>
    </form>
  );
}

/** A reply with the signature below it, unless the agent already typed it there. */
export function withSignature(body: string, signature: string | null | undefined) {
  const sig = signature?.trim();
  if (!sig || body.endsWith(sig)) return body;
  return `${body}\n\n${sig}`;
}

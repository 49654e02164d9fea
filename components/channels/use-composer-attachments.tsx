"use client";

import { useState } from "react";

export type PendingFile = { key: string; name: string; id?: string; error?: string };

/** Files dropped or pasted into the composer, uploaded at once; their ids go with the reply. */
export function useComposerAttachments() {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const add = (list: FileList | File[]) => {
    for (const file of Array.from(list)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setFiles((f) => [...f, { key, name: file.name || "pasted file" }]);
      const form = new FormData();
      form.append("file", file, file.name || "pasted-image.png");
      fetch("/api/inbox/attachments", { method: "POST", body: form })
        .then(async (r) => {
          const json = await r.json();
          if (!r.ok) throw new Error(json?.error?.message ?? "upload failed");
          setFiles((f) => f.map((x) => (x.key === key ? { ...x, id: json.id } : x)));
        })
        .catch((e: Error) => setFiles((f) => f.map((x) => (x.key === key ? { ...x, error: e.message } : x))));
    }
  };
  const ids = files.filter((f) => f.id).map((f) => f.id!);
  return {
    files,
    ids,
    uploading: files.some((f) => !f.id && !f.error),
    /** A refused file blocks sending until it is removed: a reply never goes out silently without it. */
    failed: files.some((f) => f.error),
    add,
    remove: (key: string) => setFiles((f) => f.filter((x) => x.key !== key)),
    clear: () => setFiles([]),
    /** Props for the textarea: drop files on it, or paste an image or file into it. */
    targetProps: {
      onDragOver: (e: React.DragEvent) => e.dataTransfer.types.includes("Files") && e.preventDefault(),
      onDrop: (e: React.DragEvent) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        add(e.dataTransfer.files);
      },
      onPaste: (e: React.ClipboardEvent) => {
        if (!e.clipboardData.files.length) return;
        e.preventDefault();
        add(e.clipboardData.files);
      },
    },
  };
}

export function ComposerFiles({ files, onRemove }: { files: PendingFile[]; onRemove: (key: string) => void }) {
  if (!files.length) return null;
  return (
    <ul aria-label="Files to send" className="mt-2 flex flex-wrap gap-2 text-xs">
      {files.map((f) => (
        <li key={f.key} className={`flex items-center gap-1 rounded border px-2 py-0.5 ${f.error ? "border-red-300 text-red-700" : "border-slate-300"}`}>
          📎 {f.name} {f.error ? `— ${f.error}` : f.id ? "" : "(uploading…)"}
          <button type="button" aria-label={`Remove ${f.name}`} onClick={() => onRemove(f.key)}>✕</button>
        </li>
      ))}
    </ul>
  );
}

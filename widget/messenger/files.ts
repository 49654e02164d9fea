import { ApiFailure, isExpired, uploadFile } from "./api";
import { h } from "./dom";
import { ExpiredIdentity, type State } from "./state";
import type { Attachment, Message, QuickReply } from "./types";

/** The API takes at most 10 files per message. */
export const MAX_FILES = 10;
// Raster images only: SVG is active content and the server serves it as a download, never inline.
const PREVIEWABLE = /^image\/(png|jpeg|gif|webp|avif|bmp)$/i;

const sizeLabel = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** What the visitor reads when the server refuses a file: which one, why, and that nothing went out. */
function refusal(file: File, error: ApiFailure) {
  const why = error.status === 413 ? "is too large to send" : error.status === 415 ? "is a type of file we can't accept" : `was refused (${error.message})`;
  return `“${file.name || "file"}” ${why}. Nothing was sent.`;
}

/** Uploads every file before anything is sent: one refusal stops the whole message. */
export async function uploadAll(state: State, files: File[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    if (state.expired || isExpired(state.identity)) throw new ExpiredIdentity();
    try {
      ids.push((await uploadFile<Attachment>(state.config.key, state.identity, file)).id);
    } catch (error) {
      if (error instanceof ApiFailure && (error.status === 400 || error.status === 413 || error.status === 415)) throw new ApiFailure(error.status, error.code, refusal(file, error));
      throw error;
    }
  }
  return ids;
}

/** A message's files: raster images as thumbnails (linking to the full file), the rest as download links. */
export function attachmentList(list: Attachment[] | undefined) {
  if (!list?.length) return null;
  return h(
    "ul",
    { class: "files", "aria-label": "Attachments" },
    ...list.map((a) =>
      h(
        "li",
        {},
        PREVIEWABLE.test(a.content_type)
          ? h("a", { href: a.url, target: "_blank", rel: "noopener" }, h("img", { src: a.url, alt: a.filename, loading: "lazy" }))
          : h("a", { href: a.url, download: a.filename, target: "_blank", rel: "noopener", class: "file" }, `📎 ${a.filename} (${sizeLabel(a.size)})`),
      ),
    ),
  );
}

/** Quick replies stay until the visitor has answered: any later message from them hides them. */
export function quickReplies(messages: Message[], index: number, reply: (value: string) => void) {
  const m = messages[index]!;
  if (m.direction !== "outbound" || !m.buttons?.length || messages.slice(index + 1).some((x) => x.direction === "inbound")) return null;
  const group = h("div", { class: "quick", role: "group", "aria-label": "Quick replies" });
  for (const b of m.buttons as QuickReply[])
    group.appendChild(h("button", { type: "button", onclick: () => {
      group.querySelectorAll("button").forEach((x) => (x.disabled = true));
      reply(b.value || b.label);
    } }, b.label));
  return group;
}

/** The attach button, the hidden picker behind it and the list of files waiting to go with the next message. */
export function filePicker(files: File[], add: (files: File[]) => void, remove: (index: number) => void, disabled: boolean) {
  const input = h("input", { type: "file", multiple: true, class: "picker", tabindex: -1, "aria-hidden": "true", "aria-label": "Files to attach" });
  input.addEventListener("change", () => {
    add([...(input.files ?? [])]);
    input.value = "";
  });
  const button = h("button", { type: "button", class: "attach", "aria-label": "Attach files", title: "Attach files", disabled: disabled || files.length >= MAX_FILES, onclick: () => input.click() }, "📎");
  const pending = files.length
    ? h("ul", { class: "pending", "aria-label": "Files to send" }, ...files.map((f, i) => h("li", {}, `${f.name} (${sizeLabel(f.size)})`, h("button", { type: "button", "aria-label": `Remove ${f.name}`, onclick: () => remove(i) }, "×"))))
    : null;
  return { input, button, pending };
}

/** Files pasted into the composer or dropped anywhere on the thread join the message. */
export function acceptDrops(target: HTMLElement, add: (files: File[]) => void) {
  target.addEventListener("dragover", (e) => {
    if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
  });
  target.addEventListener("drop", (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    add([...e.dataTransfer.files]);
  });
}

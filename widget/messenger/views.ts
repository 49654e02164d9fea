import { h, replaceChildren, timeLabel } from "./dom";
import { acceptDrops, attachmentList, filePicker, quickReplies } from "./files";
import { renderMarkdown } from "./markdown";
import { unreadIn, type State } from "./state";
import type { Conversation } from "./types";

export type Handlers = {
  open: (id: string) => void;
  home: () => void;
  compose: () => void;
  close: () => void;
  start: (body: string, preChat: Record<string, string>) => Promise<void>;
  send: (id: string, body: string) => Promise<void>;
  typing: (id: string) => void;
  rate: (id: string, score: number, comment: string) => Promise<void>;
  /** A quick reply clicked: its value goes out as the visitor's message. */
  reply: (id: string, value: string) => void;
  addFiles: (files: File[]) => void;
  removeFile: (index: number) => void;
};

type Attach = { files: File[]; add: (files: File[]) => void; remove: (index: number) => void };

const STATUS_LABEL: Record<string, string> = { open: "Open", pending: "Waiting for you", snoozed: "Open", resolved: "Resolved", closed: "Resolved" };

function header(state: State, on: Handlers, title: string, back: boolean) {
  return h(
    "header",
    {},
    back ? h("button", { type: "button", class: "icon", "aria-label": "Back to conversations", onclick: () => on.home() }, "‹") : null,
    h("h1", { id: "title" }, title),
    state.config.sandbox ? h("span", { class: "sandbox" }, "Sandbox") : null,
    h("button", { type: "button", class: "icon", "aria-label": "Close chat", onclick: () => on.close() }, "×"),
  );
}

/** A form whose submit button is disabled while its action runs; Enter sends, Shift+Enter adds a line. */
function composer(label: string, onSubmit: (text: string, form: HTMLFormElement) => Promise<void>, onInput?: () => void, disabled = false, attach?: Attach) {
  const area = h("textarea", { id: "composer", name: "body", rows: 2, placeholder: label, "aria-label": label, required: !attach?.files.length, disabled });
  const button = h("button", { type: "submit", class: "send", disabled }, "Send");
  const picker = attach && filePicker(attach.files, attach.add, attach.remove, disabled);
  const form = h("form", { class: "composer" }, picker?.pending, picker?.input, picker?.button, area, button);
  area.addEventListener("input", () => onInput?.());
  if (attach)
    area.addEventListener("paste", (e) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (!files.length) return;
      e.preventDefault();
      attach.add(files);
    });
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = area.value.trim();
    if ((!text && !attach?.files.length) || button.disabled) return;
    button.disabled = true;
    // The action redraws the screen (keeping the draft): clear and focus the composer on screen now, not this one.
    const current = () => (document.getElementById("composer") as HTMLTextAreaElement | null) ?? area;
    onSubmit(text, form)
      .then(() => (current().value = ""))
      .catch(() => {})
      .finally(() => {
        button.disabled = false;
        current().focus();
      });
  });
  return form;
}

function home(state: State, on: Handlers) {
  const name = state.visitor?.first_name;
  const items = state.conversations.map((c: Conversation) => {
    const unread = unreadIn(state, c.id);
    return h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: "conversation", onclick: () => on.open(c.id) },
        h("span", { class: "subject" }, c.subject),
        h("span", { class: "meta" }, `${STATUS_LABEL[c.status] ?? c.status} · ${timeLabel(c.updated_at)}`),
        unread ? h("span", { class: "unread", "aria-label": `${unread} unread` }, String(unread)) : null,
      ),
    );
  });
  return [
    header(state, on, name ? `Hi ${name}` : "Messages", false),
    h(
      "main",
      { class: "home" },
      h("p", { class: "greeting" }, state.config.greeting),
      h("p", { class: `availability ${state.config.availability.open ? "online" : "away"}`, role: "status" }, state.config.availability.message),
      h("button", { type: "button", class: "primary", onclick: () => on.compose() }, "New conversation"),
      items.length ? h("ul", { class: "list", "aria-label": "Your conversations" }, ...items) : h("p", { class: "empty" }, "No conversations yet."),
    ),
  ];
}

function compose(state: State, on: Handlers) {
  const verified = state.visitor?.verified;
  const fields = verified ? [] : state.config.pre_chat_fields;
  const inputs = fields.map((f) => h("input", { name: f.key, type: f.type, required: f.required, "aria-label": f.label, placeholder: f.label, autocomplete: f.type === "email" ? "email" : "off" }));
  const form = composer("Write your message…", async (text) => {
    const preChat: Record<string, string> = {};
    for (const input of inputs) {
      if (!input.reportValidity()) throw new Error("invalid");
      if (input.value.trim()) preChat[input.name] = input.value.trim();
    }
    await on.start(text, preChat);
  }, undefined, state.expired, { files: state.files, add: on.addFiles, remove: on.removeFile });
  if (inputs.length) form.prepend(h("fieldset", { class: "prechat" }, h("legend", {}, "Before we start"), ...inputs));
  const main = h("main", { class: "thread" }, h("p", { class: "availability", role: "status" }, state.config.availability.message));
  // The first message takes files like any reply: picked, pasted or dropped.
  if (!state.expired) [main, form].forEach((el) => acceptDrops(el, on.addFiles));
  return [header(state, on, "New conversation", true), main, form];
}

const chosenScores = new Map<string, number>();

function rating(state: State, on: Handlers, id: string) {
  if (state.rated.has(id)) return h("p", { class: "rated", role: "status" }, "Thanks for your rating!");
  const comment = h("textarea", { name: "comment", rows: 2, "aria-label": "Comment (optional)", placeholder: "Comment (optional)" });
  // The chosen score outlives a redraw of the form, like the comment.
  let score = chosenScores.get(id) ?? 0;
  const stars = [1, 2, 3, 4, 5].map((n) =>
    h("button", { type: "button", class: "star", "aria-pressed": String(n <= score), "aria-label": `${n} out of 5`, onclick: (e: Event) => {
      score = n;
      chosenScores.set(id, n);
      stars.forEach((s, i) => s.setAttribute("aria-pressed", String(i < n)));
      (e.currentTarget as HTMLElement).focus();
    } }, "★"),
  );
  return h(
    "form",
    { class: "rating", "aria-label": "Rate this conversation", onsubmit: (e: Event) => {
      e.preventDefault();
      if (score) void on.rate(id, score, comment.value.trim());
    } },
    h("p", {}, "How did we do?"),
    h("div", { class: "stars", role: "group", "aria-label": "Score" }, ...stars),
    comment,
    h("button", { type: "submit", class: "primary" }, "Send rating"),
  );
}

function thread(state: State, on: Handlers, id: string) {
  const c = state.conversations.find((x) => x.id === id);
  const messages = state.messages.get(id) ?? [];
  const disabled = state.expired;
  const agent = c?.assignee?.name?.split(" ")[0] ?? "Support";
  const log = h(
    "ol",
    { class: "messages", role: "log", "aria-live": "polite", "aria-label": "Messages" },
    ...messages.map((m, i) =>
      h(
        "li",
        { class: m.direction === "outbound" ? "agent" : "me" },
        h("span", { class: "who" }, m.direction === "outbound" ? agent : "You"),
        h("div", { class: "bubble" }, renderMarkdown(m.body)),
        attachmentList(m.attachments),
        h("time", { datetime: m.created_at }, timeLabel(m.created_at)),
        disabled ? null : quickReplies(messages, i, (value) => on.reply(id, value)),
      ),
    ),
  );
  const typing = state.typing.get(id);
  const closed = c && (c.status === "resolved" || c.status === "closed");
  const main = h("main", { class: "thread" }, log, h("p", { class: "typing", role: "status" }, typing ? `${typing} is typing…` : ""), closed ? rating(state, on, id) : null);
  const form = composer(closed ? "Reply to reopen…" : "Write a reply…", (text) => on.send(id, text), () => on.typing(id), disabled, { files: state.files, add: on.addFiles, remove: on.removeFile });
  if (!disabled) [main, form].forEach((el) => acceptDrops(el, on.addFiles));
  return [header(state, on, c?.subject ?? "Conversation", true), main, form];
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const typedFields = (root: HTMLElement) => [...root.querySelectorAll<Field>("textarea[name], input[name]:not([type=file])")];

/**
 * What the visitor typed on this screen: every named field's value, which one has focus and where its caret is.
 * Live events redraw the screen at any moment (an agent typing, a reply elsewhere): none of it may be lost.
 */
function typedOn(root: HTMLElement) {
  const values = new Map(typedFields(root).map((f) => [f.name, f.value]));
  const active = document.activeElement as Field | null;
  const focus = active && root.contains(active) && typedFields(root).includes(active) ? { name: active.name, start: active.selectionStart, end: active.selectionEnd } : null;
  return { values, focus };
}

function restoreTyped(root: HTMLElement, typed: ReturnType<typeof typedOn>) {
  for (const field of typedFields(root)) {
    const value = typed.values.get(field.name);
    if (value !== undefined) field.value = value;
    if (typed.focus?.name !== field.name) continue;
    field.focus();
    if (typed.focus.start !== null && typed.focus.end !== null) field.setSelectionRange(typed.focus.start, typed.focus.end);
  }
}

/** Draws the current screen; what the visitor typed, the focus and the caret survive a redraw of the same screen. */
export function render(root: HTMLElement, state: State, on: Handlers) {
  const typed = typedOn(root);
  const screenKey = JSON.stringify(state.screen);
  if (state.blocked) {
    replaceChildren(root, header(state, on, "Chat unavailable", false), h("main", { class: "blocked", role: "alert" }, h("p", {}, "We can't start the chat right now."), h("p", { class: "reason" }, state.blocked)));
    return;
  }
  const screen = state.screen.name === "home" ? home(state, on) : state.screen.name === "new" ? compose(state, on) : thread(state, on, state.screen.id);
  const notice = state.expired
    ? h("p", { class: "notice", role: "alert" }, "Your session has expired. Sign in again on the site to keep chatting.")
    : state.notice
      ? h("p", { class: "notice", role: "alert" }, state.notice)
      : null;
  replaceChildren(root, ...screen, notice);
  if (root.dataset.screen === screenKey) restoreTyped(root, typed);
  root.dataset.screen = screenKey;
  root.querySelector(".messages")?.lastElementChild?.scrollIntoView({ block: "end" });
}

// The messenger inside the iframe: everything the visitor sees and does, talking to the public API.
import type { HostToMessenger } from "../protocol";
import { applyIdentity, handleFailure, publishUnread, rate, reportTyping, reset, sendMessage, startConversation, type Host } from "./actions";
import { MAX_FILES } from "./files";
import { createState, loadMessages, markRead, parseIdentify } from "./state";
import type { PageConfig } from "./types";
import { render, type Handlers } from "./views";

const config = JSON.parse(document.getElementById("dexra-config")!.textContent!) as PageConfig;
const state = createState(config);
const root = document.getElementById("app")!;
document.documentElement.style.setProperty("--accent", config.color);

const host: Host = {
  // Only ever to the verified host origin; a page on another origin receives nothing.
  post: (message) => window.parent.postMessage(message, config.hostOrigin),
  changed: () => render(root, state, handlers),
};

const guard = (work: () => Promise<void>) =>
  work().catch((error) => {
    handleFailure(state, host, error);
    throw error;
  });

const handlers: Handlers = {
  home: () => {
    state.screen = { name: "home" };
    state.notice = null;
    state.files = [];
    host.changed();
  },
  compose: () => {
    state.screen = { name: "new" };
    state.notice = null;
    state.files = [];
    host.changed();
    (root.querySelector("#composer") as HTMLElement | null)?.focus();
  },
  open: (id) => {
    state.screen = { name: "conversation", id };
    state.notice = null;
    state.files = [];
    host.changed();
    (root.querySelector("#composer") as HTMLElement | null)?.focus();
    void guard(async () => {
      await loadMessages(state, id);
      markRead(state, id);
      host.changed();
      publishUnread(state, host);
    });
  },
  close: () => host.post({ type: "dexra:close" }),
  start: (body, preChat) => guard(() => startConversation(state, host, body, preChat, state.files)),
  send: (id, body) => guard(() => sendMessage(state, host, id, body, state.files)),
  reply: (id, value) => void guard(() => sendMessage(state, host, id, value)).catch(() => host.changed()),
  addFiles: (files) => {
    const all = [...state.files, ...files];
    state.files = all.slice(0, MAX_FILES);
    state.notice = all.length > MAX_FILES ? `At most ${MAX_FILES} files per message.` : null;
    host.changed();
  },
  removeFile: (index) => {
    state.files = state.files.filter((_, i) => i !== index);
    host.changed();
  },
  typing: (id) => reportTyping(state, id),
  rate: (id, score, comment) => guard(() => rate(state, host, id, score, comment)),
};

window.addEventListener("message", (event: MessageEvent) => {
  // The handshake is verified both ways: only the parent window, only from the origin the server checked.
  if (event.source !== window.parent || event.origin !== config.hostOrigin) return;
  const data = event.data as HostToMessenger;
  if (!data || typeof data.type !== "string") return;
  if (data.type === "dexra:identify") {
    const { identity, profile } = parseIdentify(state, data.identity ?? {});
    void applyIdentity(state, host, identity, profile);
  } else if (data.type === "dexra:visibility") {
    state.visible = data.open;
    if (data.open && state.screen.name === "conversation") {
      markRead(state, state.screen.id);
      publishUnread(state, host);
    }
    host.changed();
    if (data.open) (root.querySelector("#composer, .primary") as HTMLElement | null)?.focus();
  } else if (data.type === "dexra:page" && typeof data.url === "string") state.pageUrl = data.url.slice(0, 2000);
  else if (data.type === "dexra:reset") reset(state, host);
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") host.post({ type: "dexra:close" });
});

host.changed();
void applyIdentity(state, host, state.identity, null).then(() => host.post({ type: "dexra:ready" }));

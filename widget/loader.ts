// The embeddable loader: draws the launcher and the messenger iframe, nothing else. Dependency-free ES2017.
import type { HostToMessenger, MessengerToHost } from "./protocol";

type Fn = (...args: unknown[]) => void;
type Config = { color: string; position: "left" | "right"; launcher_label: string; greeting: string };
type DexraApi = ((method: string, ...args: unknown[]) => unknown) & Record<string, unknown> & { q?: IArguments[] };

(function boot() {
  const w = window as unknown as { Dexra?: DexraApi; SBUser?: unknown };
  if (w.Dexra && w.Dexra.__loaded) return;
  const script = (document.currentScript as HTMLScriptElement | null) || document.querySelector<HTMLScriptElement>("script[data-dexra-key]");
  if (!script) return;
  const key = script.getAttribute("data-dexra-key");
  const appOrigin = new URL(script.src, location.href).origin;
  const queued: IArguments[] = (w.Dexra && w.Dexra.q) || [];
  const listeners: Record<string, Fn[]> = {};
  const pending: HostToMessenger[] = [];
  let frame: HTMLIFrameElement | null = null;
  let launcher: HTMLButtonElement | null = null;
  let badge: HTMLSpanElement | null = null;
  let ready = false;
  let open = false;
  let unread = 0;

  const emit = (event: string, payload?: unknown) => (listeners[event] || []).forEach((fn) => fn(payload));
  const post = (message: HostToMessenger) => {
    if (ready && frame && frame.contentWindow) frame.contentWindow.postMessage(message, appOrigin);
    else pending.push(message);
  };
  const refuse = (message: string) => {
    console.error(message);
    emit("error", message);
  };

  let wantOpen = false;
  const setOpen = (next: boolean) => {
    if (!frame || !launcher) {
      wantOpen = next;
      return;
    }
    if (next === open) return;
    open = next;
    frame.parentElement!.setAttribute("data-open", String(open));
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? "Close chat" : unread ? `Open chat, ${unread} unread` : "Open chat");
    // Before the messenger is ready it learns the state (and takes focus) from the ready handshake instead: focusing
    // the iframe while its document is still loading can leave Chromium routing keys to this page, and the visitor's
    // first words go nowhere.
    if (ready) post({ type: "dexra:visibility", open });
    if (open && ready) frame.focus();
    else if (!open) launcher.focus();
    emit(open ? "open" : "close");
  };

  const api = function (method: string, ...args: unknown[]) {
    const fn = api[method];
    return typeof fn === "function" ? (fn as Fn)(...args) : undefined;
  } as DexraApi;
  api.__loaded = true;
  const identify = (identity: Record<string, unknown>) => post({ type: "dexra:identify", identity: identity || {} });
  api.identify = identify;
  api.open = () => setOpen(true);
  api.close = () => setOpen(false);
  api.toggle = () => setOpen(!open);
  api.reset = () => post({ type: "dexra:reset" });
  api.on = (event: string, fn: Fn) => {
    (listeners[event] = listeners[event] || []).push(fn);
    if (event === "ready" && ready) fn();
  };
  w.Dexra = api;

  // Seed compatibility: new SBUser({first_name, email, user_hash?, …}, {attributes…}).update()
  w.SBUser = class SBUser {
    constructor(
      private user: Record<string, unknown>,
      private attributes: Record<string, unknown> = {},
    ) {}
    update() {
      const { user_type, ...user } = this.user;
      const custom = { ...this.attributes, ...(user_type === undefined ? {} : { user_type }) };
      identify({ ...user, custom_attributes: custom });
    }
  };

  function onMessage(event: MessageEvent) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    const data = event.data as MessengerToHost;
    if (!data || typeof data.type !== "string") return;
    if (data.type === "dexra:ready") {
      ready = true;
      post({ type: "dexra:page", url: location.href });
      pending.splice(0).forEach(post);
      if (open) {
        post({ type: "dexra:visibility", open: true });
        // Only if the visitor has not moved on meanwhile (typing in the host page's own fields).
        const active = document.activeElement;
        if (!active || active === document.body || active === launcher) frame.focus();
      }
      emit("ready");
      document.dispatchEvent(new CustomEvent("SBInit"));
    } else if (data.type === "dexra:unread") {
      unread = data.count;
      badge!.textContent = unread > 99 ? "99+" : String(unread);
      badge!.hidden = unread === 0;
      if (!open) launcher!.setAttribute("aria-label", unread ? `Open chat, ${unread} unread` : "Open chat");
      emit("unread", unread);
    } else if (data.type === "dexra:message") emit("message", { conversation_id: data.conversation_id, body: data.body });
    else if (data.type === "dexra:close") setOpen(false);
    else if (data.type === "dexra:token_expired") emit("token_expired");
    else if (data.type === "dexra:error") refuse(data.message);
  }

  function draw(config: Config) {
    const host = document.createElement("div");
    host.setAttribute("data-dexra", "");
    const root = host.attachShadow({ mode: "open" });
    const side = config.position === "left" ? "left" : "right";
    root.innerHTML =
      `<style>
:host{all:initial}
button{position:fixed;bottom:20px;${side}:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;
background:${config.color};color:#fff;font:600 15px/1.2 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25)}
button:focus-visible{outline:3px solid #111;outline-offset:3px}
.badge{min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;line-height:20px;text-align:center;box-sizing:border-box}
.panel{position:fixed;bottom:84px;${side}:20px;z-index:2147483001;width:380px;height:min(640px,calc(100vh - 108px));border-radius:16px;overflow:hidden;
box-shadow:0 8px 40px rgba(0,0,0,.3);display:none;background:#fff}
.panel[data-open=true]{display:block}
iframe{border:0;width:100%;height:100%;display:block}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0}.panel[data-open=true]+button{display:none}}
</style><div class="panel" data-open="false"></div><button type="button" aria-expanded="false" aria-label="Open chat">` +
      `<svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>` +
      `<span class="label"></span><span class="badge" hidden>0</span></button>`;
    launcher = root.querySelector("button");
    badge = root.querySelector(".badge");
    root.querySelector(".label")!.textContent = config.launcher_label;
    frame = document.createElement("iframe");
    frame.title = "Dexra chat";
    frame.allow = "clipboard-write";
    frame.src = `${appOrigin}/widget?key=${encodeURIComponent(key!)}&origin=${encodeURIComponent(location.origin)}`;
    root.querySelector(".panel")!.appendChild(frame);
    launcher!.addEventListener("click", () => setOpen(!open));
    window.addEventListener("message", onMessage);
    document.body.appendChild(host);
  }

  function start() {
    if (!key) return refuse("Dexra widget: the script tag has no data-dexra-key attribute");
    fetch(`${appOrigin}/api/widget/config?key=${encodeURIComponent(key)}`, { credentials: "omit" })
      .then((res) => res.json().then((body) => ({ ok: res.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) return refuse((body && body.error && body.error.message) || "Dexra widget: the widget could not start");
        draw(body as Config);
        if (wantOpen) setOpen(true);
        queued.forEach((args) => api(...(Array.prototype.slice.call(args) as [string, ...unknown[]])));
      })
      .catch(() => refuse(`Dexra widget: ${appOrigin} could not be reached`));
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();

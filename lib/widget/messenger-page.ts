import { createHash } from "node:crypto";
import { getAvailability } from "./availability";
import { widgetAsset } from "./assets";
import { frameAncestors } from "./origin";
import { resolveWidgetKey, WidgetRefusal } from "./widget-key";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script type="application/json">: "<" escaped so no string can close the tag.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function page(body: string, css: string, headers: Record<string, string>, status = 200) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Dexra chat</title><style>${css}</style></head><body>${body}</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/**
 * The messenger document inside the iframe. The host origin the loader named is checked against the allowed
 * domains here, and frame-ancestors makes the browser refuse any other embedding page: the origin the
 * messenger posts to is one the server and the browser both verified.
 */
export async function messengerPageResponse(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const css = widgetAsset("messenger.css").body;
  const origin = url.searchParams.get("origin") ?? "";
  let hostOrigin: string | null = null;
  try {
    hostOrigin = new URL(origin).origin === origin ? origin : null;
  } catch {
    hostOrigin = null;
  }
  try {
    if (!hostOrigin) throw new WidgetRefusal("origin_not_allowed", "Dexra widget: the messenger was opened without a valid host origin");
    const widget = await resolveWidgetKey(url.searchParams.get("key"), hostOrigin);
    const script = widgetAsset("messenger.js");
    const version = createHash("sha256").update(script.etag).digest("hex").slice(0, 12);
    const config = {
      key: url.searchParams.get("key"),
      hostOrigin,
      color: widget.config.color,
      greeting: widget.config.greeting,
      pre_chat_fields: widget.config.pre_chat_fields,
      availability: await getAvailability(widget.orgId),
      sandbox: widget.isTest,
    };
    const csp = `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors(widget.config.allowed_domains)}`;
    return page(
      `<div id="app" aria-labelledby="title"></div><script id="dexra-config" type="application/json">${scriptJson(config)}</script><script src="/widget/app.js?v=${version}"></script>`,
      css,
      { "content-security-policy": csp, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" },
    );
  } catch (error) {
    if (!(error instanceof WidgetRefusal)) throw error;
    return page(
      `<div id="app"><main class="blocked" role="alert"><p>We can't start the chat right now.</p><p class="reason">${escapeHtml(error.message)}</p></main></div>`,
      css,
      { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *" },
      error.reason === "invalid_key" ? 401 : 403,
    );
  }
}

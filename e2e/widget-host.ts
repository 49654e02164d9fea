import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "@playwright/test";

/**
 * A customer's website on its own origin (another port, another host name than the app), serving a page with
 * the queue stub and the snippet. `identify` is queued before the loader arrives; `sbuser` runs on SBInit.
 */
export async function startHostSite(appUrl: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.local");
    const json = (name: string) => (url.searchParams.get(name) ?? "").replace(/</g, "\\u003c");
    const identify = url.searchParams.get("identify") ? `Dexra("identify", ${json("identify")});` : "";
    const sbuser = url.searchParams.get("sbuser")
      ? `document.addEventListener("SBInit", function () { var a = ${json("sbuser")}; new SBUser(a[0], a[1]).update(); });`
      : "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Customer site</title></head><body>
<h1>Acme shop</h1><p id="secret">host-only data</p>
<script>window.Dexra = window.Dexra || function(){(Dexra.q=Dexra.q||[]).push(arguments)}; ${identify} ${sbuser}</script>
<script src="${appUrl}/widget.js" data-dexra-key="${(url.searchParams.get("key") ?? "").replace(/"/g, "")}" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export const userHash = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

/** A visitor in a fresh browser context (no agent session), on the host page. */
export async function visit(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

export function hostUrl(port: number, params: Record<string, unknown>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
  // "localhost" while the app is on 127.0.0.1: a different origin, as a real customer site is.
  return `http://localhost:${port}/?${search}`;
}

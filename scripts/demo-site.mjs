// A sample customer website for the demo, on its own origin: a page with the widget snippet and a fake
// signed-in customer whose user_hash is computed here, on the server, as a real site would.
//   DEXRA_APP_URL (default http://localhost:3000)  DEMO_SITE_PORT (default 3001)  DEXRA_DEMO_KEYS_FILE
import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const appUrl = (process.env.DEXRA_APP_URL || "http://localhost:3000").replace(/\/$/, "");
const port = Number(process.env.DEMO_SITE_PORT || 3001);
const keysFile = process.env.DEXRA_DEMO_KEYS_FILE || path.join(process.cwd(), ".data", "demo-keys.json");
const customer = { email: "amine@example.ma", first_name: "Amine", last_name: "Benali" };

function keys() {
  try {
    return JSON.parse(fs.readFileSync(keysFile, "utf8"));
  } catch {
    return null;
  }
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const json = (v) => JSON.stringify(v).replace(/</g, "\\u003c");

function page({ signedIn }) {
  const k = keys();
  if (!k) return `<p>No demo keys found in ${escape(keysFile)}: run <code>npm run demo</code> first.</p>`;
  const userHash = createHmac("sha256", k.identity_secret).update(customer.email).digest("hex");
  const identify = signedIn
    ? `document.addEventListener("SBInit", function () {
  new SBUser(${json({ ...customer, user_hash: userHash, user_type: "premium" })}, { plan: "pro", account_manager: "Sarah" }).update();
});`
    : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Acme Shop (Dexra demo site)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px;color:#1e293b}
nav{display:flex;gap:16px;justify-content:space-between;border-bottom:1px solid #e2e8f0;padding-bottom:12px}
code{background:#f1f5f9;padding:2px 4px;border-radius:4px}</style></head><body>
<nav><strong>Acme Shop</strong><span>${signedIn ? `Signed in as ${escape(customer.first_name)} (${escape(customer.email)}) · <a href="/logout">Sign out</a>` : `Browsing as a guest · <a href="/">Sign in as ${escape(customer.first_name)}</a>`}</span></nav>
<h1>${signedIn ? `Welcome back, ${escape(customer.first_name)}` : "Welcome, guest"}</h1>
<p>This is a sample customer website on its own origin. Click <strong>Chat with us</strong> (bottom right) and write;
the conversation arrives in the Dexra inbox at <a href="${escape(appUrl)}/inbox">${escape(appUrl)}/inbox</a> with channel <code>web</code>.
Reply there and watch the answer appear here.</p>
<p>${signedIn ? "You are identified with a <code>user_hash</code> computed by this site's server, so your history follows you to any device." : "As a guest you chat anonymously; signing in afterwards keeps your conversations."}</p>
<script>window.Dexra = window.Dexra || function(){(Dexra.q=Dexra.q||[]).push(arguments)};
${identify}
${signedIn ? "" : 'if (location.search.includes("reset")) Dexra("reset");'}</script>
<script src="${escape(appUrl)}/widget.js" data-dexra-key="${escape(k.client_key)}" async></script>
</body></html>`;
}

http
  .createServer((req, res) => {
    const url = new URL(req.url || "/", "http://demo.local");
    if (url.pathname === "/logout") {
      res.writeHead(302, { location: "/guest?reset=1" });
      return res.end();
    }
    res.writeHead(url.pathname === "/" || url.pathname === "/guest" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page({ signedIn: url.pathname === "/" }));
  })
  .listen(port, () => console.log(`Sample customer site (with the chat widget): http://localhost:${port}`));

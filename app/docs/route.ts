// The human API reference: Scalar renders /api/v1/openapi.json. Its script is served from public/vendor
// (copied at install/build), fonts and the AI agent are off, so the page makes no request outside this app.
// No vendor toolbar or developer tools, no client download button; curl is the default sample beside the SDK's.
const DOCS_CONFIG = {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
  metaData: { title: "Dexra API reference" },
};

const page = (nonce: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dexra API reference</title>
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
  </head>
  <body>
    <div id="app"></div>
    <script nonce="${nonce}" src="/vendor/scalar/standalone.js"></script>
    <script nonce="${nonce}">Scalar.createApiReference("#app", ${JSON.stringify(DOCS_CONFIG)});</script>
  </body>
</html>`;

// The nonce comes from proxy.ts, which sends this page's Content-Security-Policy.
export function GET(request: Request) {
  const nonce = (request.headers.get("x-nonce") ?? "").replace(/[^A-Za-z0-9+/=]/g, "");
  return new Response(page(nonce), { headers: { "content-type": "text/html; charset=utf-8" } });
}

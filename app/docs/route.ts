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

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dexra API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/vendor/scalar/standalone.js"></script>
    <script>Scalar.createApiReference("#app", ${JSON.stringify(DOCS_CONFIG)});</script>
  </body>
</html>`;

export function GET() {
  return new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
}

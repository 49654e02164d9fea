// Copies browser assets served from public/vendor/ (gitignored) so the API docs page works fully offline.
import fs from "node:fs";
import path from "node:path";

const assets = [["node_modules/@scalar/api-reference/dist/browser/standalone.js", "public/vendor/scalar/standalone.js"]];

for (const [from, to] of assets) {
  if (!fs.existsSync(from)) {
    console.warn(`vendor-assets: ${from} is missing; run npm install`);
    continue;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

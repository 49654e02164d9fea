// Builds the chat widget's two browser bundles with esbuild (already installed as tsx's bundler): the loader
// served at /widget.js and the messenger served inside the iframe. Plain ES2017, no framework, minified.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const out = ".widget-dist";
fs.mkdirSync(out, { recursive: true });
const entries = { loader: "widget/loader.ts", messenger: "widget/messenger/main.ts" };
const manifest = {};
for (const [name, entry] of Object.entries(entries)) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "iife", target: "es2017", write: false, legalComments: "none" });
  const code = result.outputFiles[0].text;
  fs.writeFileSync(path.join(out, `${name}.js`), code);
  manifest[name] = createHash("sha256").update(code).digest("hex").slice(0, 16);
}
const css = fs.readFileSync("widget/messenger/messenger.css", "utf8");
fs.writeFileSync(path.join(out, "messenger.css"), css);
fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest));
console.log(`widget: built loader ${manifest.loader}, messenger ${manifest.messenger}`);

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Asset = { body: string; etag: string };
const cache = new Map<string, Asset>();

/**
 * A built widget file (scripts/build-widget.mjs writes .widget-dist/ before every build). Kept in memory
 * in production; re-read in development so a rebuild shows without a restart.
 */
export function widgetAsset(name: "loader.js" | "messenger.js" | "messenger.css"): Asset {
  const cached = cache.get(name);
  if (cached) return cached;
  const body = fs.readFileSync(path.join(process.cwd(), ".widget-dist", name), "utf8");
  const asset = { body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` };
  if (process.env.NODE_ENV === "production") cache.set(name, asset);
  return asset;
}

/** A script answer with an ETag; a matching If-None-Match gets 304 and no body. */
export function scriptResponse(request: Request, name: "loader.js" | "messenger.js", cacheControl: string): Response {
  const asset = widgetAsset(name);
  const headers = {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": cacheControl,
    etag: asset.etag,
    "x-content-type-options": "nosniff",
    // The loader runs on other sites' pages: it may be fetched from anywhere.
    "access-control-allow-origin": "*",
    "cross-origin-resource-policy": "cross-origin",
  };
  if (request.headers.get("if-none-match") === asset.etag) return new Response(null, { status: 304, headers });
  return new Response(asset.body, { headers });
}

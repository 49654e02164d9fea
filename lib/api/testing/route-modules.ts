import fs from "node:fs";
import path from "node:path";

export const API_ROOT = path.join(process.cwd(), "app/api/v1");
/** Every tree of API routes: /api/v1 and the reference API at /v1 (seed dexra-api-reference.txt). */
export const API_ROOTS = [
  { dir: API_ROOT, prefix: "/api/v1/" },
  { dir: path.join(process.cwd(), "app/v1"), prefix: "/v1/" },
];
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type RouteFile = { file: string; /** e.g. /api/v1/conversations/[id]/claim/ */ pattern: string; segments: string[]; prefix: string };

/**
 * Every route.ts under app/api/v1 and app/v1, found by walking the trees, so tests cover routes added later too.
 * Catch-all segments (`[...path]`) are left out: they only answer unknown paths with a JSON 404, tested on their own.
 */
export function findRouteFiles(): RouteFile[] {
  return API_ROOTS.flatMap((root) => walk(root.dir, root.dir, root.prefix))
    .filter((route) => !route.segments.some((segment) => segment.startsWith("[...")))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function walk(root: string, dir: string, prefix: string): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(root, full, prefix));
    else if (entry.name === "route.ts") {
      const segments = path.relative(root, dir).split(path.sep).filter(Boolean);
      found.push({ file: full, segments, prefix, pattern: `${prefix}${segments.map((s) => `${s}/`).join("")}` });
    }
  }
  return found;
}

/** Fills `[param]` segments: each value is chosen by the segment before it (`conversations/[id]` → a conversation id). */
export function fillPattern(route: RouteFile, pick: (param: string, previous: string) => string) {
  const params: Record<string, string> = {};
  const parts = route.segments.map((segment, i) => {
    const match = /^\[(\w+)\]$/.exec(segment);
    if (!match) return segment;
    params[match[1]!] = pick(match[1]!, route.segments[i - 1] ?? "");
    return encodeURIComponent(params[match[1]!]!);
  });
  return { path: `${route.prefix}${parts.map((p) => `${p}/`).join("")}`, params };
}

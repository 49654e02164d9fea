import fs from "node:fs";
import path from "node:path";

export const API_ROOT = path.join(process.cwd(), "app/api/v1");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type RouteFile = { file: string; /** e.g. /api/v1/conversations/[id]/claim/ */ pattern: string; segments: string[] };

/** Every route.ts under app/api/v1, found by walking the tree, so tests cover routes added later too. */
export function findRouteFiles(dir = API_ROOT): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findRouteFiles(full));
    else if (entry.name === "route.ts") {
      const segments = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean);
      found.push({ file: full, segments, pattern: `/api/v1/${segments.map((s) => `${s}/`).join("")}` });
    }
  }
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
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
  return { path: `/api/v1/${parts.map((p) => `${p}/`).join("")}`, params };
}

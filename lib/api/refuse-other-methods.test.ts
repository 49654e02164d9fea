import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** Every route.ts under app/api outside the public API (which apiRoute covers) and Auth.js. */
function internalRouteFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["v1", "auth"].includes(entry.name) && dir === "app/api" ? [] : entry.name.startsWith("[...") ? [] : internalRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("routes outside /api/v1", () => {
  it("answer a method they lack with a JSON 405 and Allow, never Next's empty answer", async () => {
    const files = internalRouteFiles();
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const implemented = METHODS.filter((m) => new RegExp(`^export (const|async function|function) ${m}\\b`, "m").test(source));
      const module = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, Handler | undefined>;
      for (const method of METHODS.filter((m) => !implemented.includes(m) && !(m === "HEAD" && implemented.includes("GET")))) {
        const handler = module[method];
        expect(typeof handler, `${file} has no ${method} export`).toBe("function");
        const response = await handler!(new Request("http://127.0.0.1/x", { method }), { params: Promise.resolve({}) });
        expect(`${file} ${method} → ${response.status}`).toBe(`${file} ${method} → 405`);
        expect(response.headers.get("allow")).toContain(implemented[0]);
        expect((await response.json()).error.code).toBe("method_not_allowed");
      }
    }
  });
});

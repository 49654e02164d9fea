import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crossSiteProblem, isInternalApiPath } from "./same-origin";

const routeFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });

const URL_ = "http://dexra.test/api/inbox/bulk";
const request = (headers: Record<string, string>, method = "POST") =>
  new Request(URL_, { method, headers: { host: "dexra.test", ...headers }, body: method === "GET" ? undefined : "{}" });

describe("same-origin JSON for internal state changes (CSRF)", () => {
  it("accepts same-origin JSON, and clients that are not browsers", () => {
    expect(crossSiteProblem(request({ "content-type": "application/json", origin: "http://dexra.test", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteProblem(request({ "content-type": "application/json; charset=utf-8" }))).toBeNull();
    expect(crossSiteProblem(request({ origin: "https://evil.example" }, "GET"))).toBeNull();
  });

  it.each([
    [{ "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    [{ "content-type": "text/plain", origin: "http://dexra.test", "sec-fetch-site": "same-origin" }],
    [{ "content-type": "application/x-www-form-urlencoded" }],
    [{ "content-type": "multipart/form-data; boundary=x" }],
    [{}],
    [{ "content-type": "application/json", origin: "https://evil.example" }],
    [{ "content-type": "application/json", origin: "http://dexra.test.evil.example" }],
    [{ "content-type": "application/json", origin: "null" }],
    [{ "content-type": "application/json", "sec-fetch-site": "same-site" }],
    [{ "content-type": "application/json", "sec-fetch-site": "cross-site", origin: "http://dexra.test" }],
  ])("refuses %j", (headers) => {
    expect(crossSiteProblem(request(headers))).toMatch(/not allowed|only Content-Type/);
  });

  it("accepts the composer's multipart upload only same-origin and only on the upload route", () => {
    const upload = (headers: Record<string, string>, url = "http://dexra.test/api/inbox/attachments") => new Request(url, { method: "POST", headers: { host: "dexra.test", ...headers }, body: "x" });
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    expect(crossSiteProblem(upload({ ...multipart, origin: "http://dexra.test", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteProblem(upload({ ...multipart, origin: "http://dexra.test" }))).toBeNull();
    expect(crossSiteProblem(upload(multipart))).toMatch(/only Content-Type/);
    expect(crossSiteProblem(upload({ ...multipart, origin: "https://evil.example" }))).toMatch(/not allowed/);
    expect(crossSiteProblem(upload({ ...multipart, "sec-fetch-site": "cross-site" }))).toMatch(/not allowed/);
    expect(crossSiteProblem(upload({ ...multipart, origin: "http://dexra.test" }, "http://dexra.test/api/inbox/bulk"))).toMatch(/only Content-Type/);
  });

  it("covers the internal API, not the public one or Auth.js", () => {
    expect(isInternalApiPath("/api/inbox/bulk")).toBe(true);
    expect(isInternalApiPath("/api/anything-new")).toBe(true);
    expect(isInternalApiPath("/api/v1/conversations/")).toBe(false);
    expect(isInternalApiPath("/api/auth/signout")).toBe(false);
  });

  // The request-level attack is replayed against the server in e2e/security.spec.ts; this walk proves every
  // state-changing internal handler goes through withAgent (whose first step is the check), so a route
  // added later without it fails here. The proxy refuses the same requests before any handler runs.
  it("every state-changing internal route handler checks it", () => {
    const files = routeFiles("app/api").filter((file) => isInternalApiPath(`/${path.relative("app", path.dirname(file))}/`));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const [, method, wrapper] of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\s*=\s*(\w+)/g)) {
        // withApiKey routes (the widget's) authenticate by a bearer key a browser never attaches by itself: no CSRF.
        expect({ file, method, ok: ["withAgent", "withApiKey"].includes(wrapper!) }).toEqual({ file, method, ok: true });
      }
      expect(source).not.toMatch(/export (async )?function (POST|PUT|PATCH|DELETE)/);
    }
    expect(fs.readFileSync("lib/inbox/route.ts", "utf8")).toMatch(/assertSameOriginJson\(request\);\s*const session = await authorizeAgent/);
  });
});

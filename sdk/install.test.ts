import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeFetch } from "@/lib/testing/route-fetch";
import { createTestOrg } from "@/lib/testing/test-org";

const run = promisify(execFile);
const root = process.cwd();

/**
 * A project outside the repository with the SDK as npm would install it from the folder: the tarball `npm pack`
 * makes of sdk/ (so only what package.json's `files` ships), unpacked into node_modules/@dexra/sdk. Its two
 * dependencies are linked from the repository's node_modules: tests never reach a registry.
 */
function consumerProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-sdk-consumer-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "./sdk", "--pack-destination", dir, "--json", "--silent"], { cwd: root, encoding: "utf8" })) as { filename: string }[];
  const target = path.join(dir, "node_modules/@dexra/sdk");
  fs.mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(dir, packed!.filename), "-C", target, "--strip-components=1"]);
  const sdkPackage = JSON.parse(fs.readFileSync(path.join(target, "package.json"), "utf8")) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
  expect(Object.keys(sdkPackage.peerDependencies)).toEqual(["react"]);
  // React is the app's own (a peer dependency of the `/react` entry).
  for (const name of [...Object.keys(sdkPackage.dependencies), "react"]) fs.symlinkSync(path.join(root, "node_modules", name), path.join(dir, "node_modules", name), "dir");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "@dexra/sdk": `file:./${packed!.filename}` } }));
  return dir;
}

/** The app's route handlers behind a real HTTP listener on 127.0.0.1, for a process that is not this one. */
async function serveRoutes() {
  const answer = await routeFetch();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    // Answered in this process (routeFetch only reads the path): the URL is this listener's own loopback address.
    const response = await answer(new Request(new URL(req.url!, base), { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url: base };
}

const CONSUMER_JS = `
import { createDexra, cursorItems, toArray, unwrap, DexraError } from "@dexra/sdk";
const dexra = createDexra({ apiKey: process.env.DEXRA_KEY, baseUrl: process.env.DEXRA_URL });
const created = unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_9921", subject: "Login Issue", tags: ["support", "urgent"] } }));
const sent = unwrap(await dexra.POST("/v1/messages", { body: { conversation_id: created.id, content: "We have processed your refund." } }));
unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_1", subject: "Second" } }));
const listed = await toArray(cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { limit: 1, cursor } } })));
const user = unwrap(await dexra.PATCH("/v1/users/{id}", { params: { path: { id: "u_9921" } }, body: { custom_attributes: { plan: "enterprise" } } }));
let error = null;
try { unwrap(await dexra.GET("/v1/conversations/{id}", { params: { path: { id: "conv_991ms" } } })); } catch (e) { error = e instanceof DexraError ? { status: e.status, code: e.code } : String(e); }
const { DexraChat } = await import("@dexra/sdk/react");
console.log(JSON.stringify({ created, sent, subjects: listed.map((c) => c.subject), user, error, react: typeof DexraChat }));
`;

// What a developer's editor and compiler see: typed paths, bodies and answers from the installed package.
const CONSUMER_TS = `
import { createDexra, unwrap } from "@dexra/sdk";
const dexra = createDexra({ apiKey: "sk_test_x", baseUrl: "http://127.0.0.1" });
export async function flow() {
  const created = unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_1", subject: "Typed" } }));
  const status: "open" | "pending" | "snoozed" | "resolved" | "closed" = created.status;
  // @ts-expect-error the created answer is {id, status, created_at}: no subject
  created.subject;
  // @ts-expect-error user_id is required
  await dexra.POST("/v1/conversations", { body: { subject: "No user" } });
  // @ts-expect-error no such path
  await dexra.GET("/v1/nowhere");
  return status;
}
`;

describe("the SDK installed from the repository folder", () => {
  let dir: string;
  let served: Awaited<ReturnType<typeof serveRoutes>>;
  beforeAll(async () => {
    dir = consumerProject();
    served = await serveRoutes();
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => served?.server.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("ships its built code, types and OpenAPI document", () => {
    const shipped = fs.readdirSync(path.join(dir, "node_modules/@dexra/sdk/dist")).sort();
    expect(shipped).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "react.js", "react.d.ts", "schema.d.ts"]));
    expect(fs.existsSync(path.join(dir, "node_modules/@dexra/sdk/openapi.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "node_modules/@dexra/sdk/sdk.test.ts"))).toBe(false);
  });

  it("does the seed's reference flow from another project over HTTP", async () => {
    const org = await createTestOrg();
    fs.writeFileSync(path.join(dir, "flow.mjs"), CONSUMER_JS);
    const { stdout } = await run(process.execPath, ["flow.mjs"], { cwd: dir, env: { ...process.env, DEXRA_KEY: org.serverKey, DEXRA_URL: served.url } });
    const out = JSON.parse(stdout);
    expect(Object.keys(out.created).sort()).toEqual(["created_at", "id", "status"]);
    expect(out.sent).toMatchObject({ conversation_id: out.created.id, status: "sent" });
    expect(out.subjects).toEqual(["Second", "Login Issue"]);
    expect(out.user).toEqual({ id: "u_9921", email: null, custom_attributes: { plan: "enterprise" } });
    expect(out.error).toEqual({ status: 404, code: "not_found" });
    expect(out.react).toBe("function");
  }, 60_000);

  it("type-checks a consumer's code against the installed types (wrong paths and bodies are compile errors)", async () => {
    fs.writeFileSync(path.join(dir, "flow.ts"), CONSUMER_TS);
    // The same code without one of its expected errors: proves the checker really sees the SDK's types.
    fs.writeFileSync(path.join(dir, "broken.ts"), CONSUMER_TS.replace("// @ts-expect-error user_id is required\n", ""));
    const tsconfig = { compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: [] }, files: ["flow.ts", "broken.ts"] };
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    const result = await run(path.join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: dir }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const errors = result.stdout.split("\n").filter((line) => /error TS/.test(line));
    expect(errors.filter((line) => !line.startsWith("broken.ts"))).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^broken\.ts\(\d+,\d+\): error TS\d+: .*user_id/);
  }, 120_000);
});

import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { buildFuzzCases, type FuzzCase } from "../lib/api/testing/fuzz-cases";
import { dexra } from "./fixtures";

// Against the real `next start` build: every operation in openapi.json, a few thousand hostile requests.
test.describe.configure({ timeout: 180_000 });

const CONCURRENCY = 8;

async function newFuzzOrg(request: APIRequestContext) {
  const org = dexra("create-org", "--name", "E2E fuzz", "--owner-email", `fuzz-${Date.now()}@example.test`, "--owner-password", "e2e-fuzz-password");
  // The fuzz sends thousands of requests with one key: lift this organization's limit, nothing else.
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  await sql`update organizations set rate_limit_per_minute = 1000000 where id = ${org.organization_id!}`;
  await sql.end();
  const server = { authorization: `Bearer ${org.server_key}` };
  const email = "fuzz-requester@example.com";
  const client = {
    authorization: `Bearer ${org.client_key}`,
    "x-dexra-user-email": email,
    "x-dexra-user-hash": createHmac("sha256", org.identity_secret!).update(email).digest("hex"),
  };
  const conversation = await (await request.post("/api/v1/conversations/create/", { headers: server, data: { subject: "Fuzz target", user_email: email, description: "hi" } })).json();
  const webhook = await (await request.post("/api/v1/webhooks/", { headers: server, data: { url: "http://127.0.0.1:9/fuzz", events: ["*"] } })).json();
  return { server, client, conversationId: conversation.id as string, webhookId: webhook.id as string };
}

/** "GET /path/" → the content types its documented 2xx answers have when none is JSON (the reports' CSV export). */
function nonJsonSuccesses(doc: { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> }) {
  const found = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const types = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith("2")).flatMap(([, r]) => Object.keys(r.content ?? {}));
      if (types.length && !types.includes("application/json")) found.set(`${method.toUpperCase()} ${path}`, types);
    }
  }
  return found;
}
let documentedNonJson = new Map<string, string[]>();

/** Everything wrong with one answer, or null: 5xx, or a body that is not the JSON (or the documented type) the contract promises. */
function problem(c: FuzzCase, status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `${status}: ${text.slice(0, 200)}`;
  if (c.method === "HEAD" || status === 204) return null;
  const operation = c.label.split(" ").slice(0, 2).join(" ");
  if (status < 300 && documentedNonJson.get(operation)?.some((type) => contentType.startsWith(type))) return null;
  if (!contentType.includes("application/json")) return `${status} with content-type ${contentType || "none"}: ${text.slice(0, 120)}`;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} with a body that is not JSON: ${text.slice(0, 120)}`;
  }
  if (status >= 400 && typeof body?.error?.code !== "string") return `${status} without {"error": {"code"}}: ${text.slice(0, 120)}`;
  return null;
}

async function runAll(request: APIRequestContext, cases: FuzzCase[]) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const res = await request.fetch(c.path, { method: c.method, headers: c.headers, data: c.body, maxRedirects: 0, failOnStatusCode: false });
      statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
      const found = problem(c, res.status(), res.headers()["content-type"] ?? "", await res.text());
      if (found) failures.push(`${c.label} → ${found}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { failures, statuses };
}

test("the OpenAPI-driven fuzz: every operation, thousands of hostile requests, 0 × 5xx, JSON bodies", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  documentedNonJson = nonJsonSuccesses(doc);
  const setup = await newFuzzOrg(request);
  const cases = buildFuzzCases(doc, {
    auth: { server: setup.server, client: setup.client },
    ids: (param, path) => (param === "tag" ? "vip" : param === "id" && path.startsWith("/api/v1/webhooks/") ? setup.webhookId : param === "id" ? setup.conversationId : randomUUID()),
  });
  const operations = Object.values(doc.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0);
  expect(operations).toBeGreaterThan(25);
  expect(cases.length).toBeGreaterThan(2000);
  const started = Date.now();
  const { failures, statuses } = await runAll(request, cases);
  console.log(`fuzz: ${cases.length} requests over ${operations} operations in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
});

test("hostile URLs and methods under /api and /v1 answer JSON errors", async ({ request }) => {
  const { server } = await newFuzzOrg(request);
  const expectJson = async (method: string, path: string, status: number, code: string) => {
    const res = await request.fetch(path, { method, headers: server, maxRedirects: 0, failOnStatusCode: false });
    expect(`${method} ${path} → ${res.status()}`).toBe(`${method} ${path} → ${status}`);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect((await res.json()).error.code).toBe(code);
    return res;
  };
  await expectJson("GET", "/api/v1/conversations/%C0%80/", 400, "validation_error");
  await expectJson("GET", "/api/v1/conversations/%ED%A0%80/messages/", 400, "validation_error");
  await expectJson("GET", "/api/nothing-here", 404, "not_found");
  await expectJson("POST", "/api/v1/no/such/route/", 404, "not_found");
  await expectJson("GET", "/v1/no-such-thing", 404, "not_found");
  const notAllowed = await expectJson("DELETE", "/api/v1/conversations/", 405, "method_not_allowed");
  expect(notAllowed.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
});

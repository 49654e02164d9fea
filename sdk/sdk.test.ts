import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sdkSources } from "@/lib/openapi/sdk-sources";
import { routeFetch } from "@/lib/testing/route-fetch";
import { createTestOrg } from "@/lib/testing/test-org";
import { generateWebhookSecret, signWebhook } from "@/lib/webhooks/signing";
import { eventually } from "@/lib/testing/webhook-receiver";
import { createDexra, cursorItems, DexraError, eventPages, offsetItems, retryingFetch, toArray, unwrap, verifyWebhook } from "./src/index";

const root = process.cwd();

describe("the committed SDK", () => {
  it("matches the OpenAPI document and its generated types (run `npm run sdk:generate` when this fails)", async () => {
    for (const [file, expected] of Object.entries(await sdkSources())) {
      expect(fs.readFileSync(path.join(root, file), "utf8"), `${file} is stale: run npm run sdk:generate`).toBe(expected);
    }
  });

  it("has dist compiled from its sources", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-sdk-"));
    execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", "sdk/tsconfig.json", "--outDir", out], { cwd: root });
    for (const file of fs.readdirSync(out)) {
      expect(fs.readFileSync(path.join(root, "sdk/dist", file), "utf8"), `sdk/dist/${file} is stale: run npm run sdk:generate`).toBe(fs.readFileSync(path.join(out, file), "utf8"));
    }
    expect(fs.readdirSync(path.join(root, "sdk/dist")).sort()).toEqual(fs.readdirSync(out).sort());
  }, 60_000);
});

describe("the SDK against the real handlers", () => {
  it("does the reference flow without raw HTTP: create, send, page with cursors and offsets, patch the user, errors", async () => {
    const org = await createTestOrg();
    const dexra = createDexra({ apiKey: org.serverKey, baseUrl: "http://localhost:3000", fetch: await routeFetch() });

    const created = unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_9921", subject: "Login Issue", tags: ["support", "urgent"] } }));
    expect(created.status).toBe("open");
    const sent = unwrap(await dexra.POST("/v1/messages", { body: { conversation_id: created.id, content: "We have processed your refund.", type: "text" } }));
    expect(sent.status).toBe("sent");
    const one = unwrap(await dexra.GET("/v1/conversations/{id}", { params: { path: { id: created.id } } }));
    expect(one.tags).toEqual(["support", "urgent"]);
    for (let i = 0; i < 4; i++) unwrap(await dexra.POST("/v1/conversations", { body: { user_id: `u_${i}`, subject: `More ${i}` } }));

    const viaCursor = await toArray(cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { limit: 2, cursor } } })));
    expect(viaCursor).toHaveLength(5);
    expect(viaCursor[4]!.last_message).toEqual({ id: sent.id, text: "We have processed your refund." });
    const viaOffset = await toArray(offsetItems((query) => dexra.GET("/api/v1/conversations/", { params: { query } }), 2));
    expect(viaOffset.map((c) => c.id)).toEqual(viaCursor.map((c) => c.id));

    const user = unwrap(await dexra.PATCH("/v1/users/{id}", { params: { path: { id: "u_9921" } }, body: { email: "jane@example.com", custom_attributes: { plan: "enterprise", ltv: 1200 } } }));
    expect(user).toEqual({ id: "u_9921", email: "jane@example.com", custom_attributes: { plan: "enterprise", ltv: 1200 } });

    const team = unwrap(await dexra.POST("/api/v1/teams/", { body: { name: "Support" } }));
    expect(unwrap(await dexra.PUT("/api/v1/teams/{id}/members/", { params: { path: { id: team.id } }, body: { agent_ids: [org.owner.id] } })).agent_ids).toEqual([org.owner.id]);

    const missing = await dexra.GET("/v1/conversations/{id}", { params: { path: { id: crypto.randomUUID() } } });
    expect(() => unwrap(missing)).toThrowError(DexraError);
    const bad = await dexra.POST("/v1/conversations", { body: { subject: "no user" } as never });
    const error = (() => {
      try {
        unwrap(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ status: 400, code: "validation_error", message: "user_id is required" });
  });

  it("sends every POST with an Idempotency-Key, kept across retries", async () => {
    const org = await createTestOrg();
    const real = await routeFetch();
    const seen: (string | null)[] = [];
    let calls = 0;
    const flaky = async (request: Request) => {
      seen.push(request.headers.get("idempotency-key"));
      if (++calls === 1) return new Response(JSON.stringify({ error: { code: "rate_limited", message: "slow down", details: [] } }), { status: 429, headers: { "retry-after": "2" } });
      return real(request);
    };
    const waits: number[] = [];
    const dexra = createDexra({ apiKey: org.serverKey, baseUrl: "http://localhost:3000", fetch: flaky, retry: { sleep: async (ms) => void waits.push(ms) } });
    const created = await dexra.POST("/v1/conversations", { body: { user_id: "r1", subject: "Retried" } });
    expect(created.response.status).toBe(201);
    expect(waits).toEqual([2000]);
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toBe(seen[0]);
  });
});

describe("the events feed iterator", () => {
  it("catches up page by page from a saved cursor, and resumes from the last cursor with nothing missed or repeated", async () => {
    const org = await createTestOrg();
    const dexra = createDexra({ apiKey: org.serverKey, baseUrl: "http://localhost:3000", fetch: await routeFetch() });
    const feed = (limit: number) => (after: string | undefined) => dexra.GET("/api/v1/events/", { params: { query: { after, limit } } });
    for (let i = 0; i < 5; i++) unwrap(await dexra.POST("/v1/conversations", { body: { user_id: `feed_${i}`, subject: `Feed ${i}` } }));
    // The feed serves a transaction's events once no older transaction is still running (other test files write too).
    const everything = await eventually(async () => {
      const all = unwrap(await feed(1000)(undefined));
      expect(all.results.filter((e) => e.type === "conversation_created")).toHaveLength(5);
      return all.results.map((e) => e.id);
    });

    const pages: { events: { id: string }[]; cursor: string | null }[] = [];
    for await (const page of eventPages(feed(2))) pages.push(page);
    expect(pages.length).toBe(Math.ceil(everything.length / 2));
    expect(pages.flatMap((p) => p.events.map((e) => e.id))).toEqual(everything);

    // A receiver that saved the cursor after page 2 resumes there and sees exactly the rest.
    const resumed = await toArray(eventPages(feed(2), pages[1]!.cursor!));
    expect(resumed.flatMap((p) => p.events.map((e) => e.id))).toEqual(everything.slice(4));
    unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "feed_late", subject: "Later" } }));
    const later = await eventually(async () => {
      const pagesAfter = await toArray(eventPages(feed(2), pages.at(-1)!.cursor!));
      const ids = pagesAfter.flatMap((p) => p.events.map((e) => e.id));
      expect(ids.length).toBeGreaterThan(0);
      return ids;
    });
    expect(later.some((id) => everything.includes(id))).toBe(false);
  });
});

describe("retries", () => {
  it("honours Retry-After on 429 and 503, backs off without it, and gives up after maxRetries", async () => {
    const waits: number[] = [];
    const answers = [
      new Response("", { status: 503, headers: { "retry-after": new Date(Date.now() + 3000).toUTCString() } }),
      new Response("", { status: 429 }),
      new Response("", { status: 429, headers: { "retry-after": "1" } }),
      new Response("", { status: 429, headers: { "retry-after": "1" } }),
    ];
    const fetch = retryingFetch(async () => answers.shift()!, { maxRetries: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    const response = await fetch(new Request("http://localhost/x"));
    expect(response.status).toBe(429);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
    expect(waits[1]).toBeGreaterThanOrEqual(80);
    expect(waits[1]).toBeLessThanOrEqual(240);
    expect(waits[2]).toBe(1000);
  });
});

describe("webhook verification", () => {
  it("accepts what Dexra signs, with either secret during a rotation, and refuses tampering", () => {
    const secret = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "message_in", created_at: new Date().toISOString(), organization_id: "o", data: { message_text: "hi" } });
    const headers = signWebhook({ secret, previousSecret: previous, previousSecretExpiresAt: new Date(Date.now() + 60_000) }, "evt_1", body);
    expect(verifyWebhook(secret, body, headers).type).toBe("message_in");
    expect(verifyWebhook(previous, new TextEncoder().encode(body), new Headers(headers)).data).toEqual({ message_text: "hi" });
    expect(() => verifyWebhook(secret, body.replace("hi", "ho"), headers)).toThrow();
    expect(() => verifyWebhook(generateWebhookSecret(), body, headers)).toThrow();
  });
});

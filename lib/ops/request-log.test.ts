import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { callRoute } from "../api/testing/call-route";
import { withApiKey } from "../api/with-api-key";
import { createTestOrg } from "../testing/test-org";
import { logger } from "./logger";

// The logger's real output (pino's JSON lines), caught at its stream instead of stdout.
type Line = Record<string, unknown>;
let lines: Line[] = [];
const streamSym = pino.symbols.streamSym as unknown as "stream";
const target = logger as unknown as Record<"stream", { write(s: string): void }>;
let original: { write(s: string): void };
let level: string;
beforeEach(() => {
  lines = [];
  original = target[streamSym];
  level = logger.level;
  logger.level = "info";
  target[streamSym] = { write: (s: string) => void lines.push(...s.trim().split("\n").map((l) => JSON.parse(l) as Line)) };
});
afterEach(() => {
  target[streamSym] = original;
  logger.level = level;
});

describe("request logs", () => {
  it("one JSON line per API request with the request id the answer carries in X-Request-Id", async () => {
    const org = await createTestOrg();
    const ok = await callRoute(listConversations, "GET", "/api/v1/conversations/?limit=1", { key: org.serverKey });
    const refused = await callRoute(listConversations, "GET", "/api/v1/conversations/", { key: "sk_live_wrong" });
    expect(ok.status).toBe(200);
    expect(refused.status).toBe(401);
    for (const [answer, status] of [[ok, 200], [refused, 401]] as const) {
      const id = answer.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const mine = lines.filter((l) => l.reqId === id);
      expect(mine).toEqual([expect.objectContaining({ level: "info", msg: "request", method: "GET", path: "/api/v1/conversations/", status, ms: expect.any(Number), time: expect.any(String) })]);
    }
    expect(ok.headers.get("x-request-id")).not.toBe(refused.headers.get("x-request-id"));
  });

  it("an unexpected failure: 500 naming the request id, and an error line with the same id and the error", async () => {
    const org = await createTestOrg();
    const failing = withApiKey(async () => {
      throw new Error("disk on fire");
    }, { keys: ["server"] });
    const answer = await callRoute(failing, "GET", "/api/v1/anything/", { key: org.serverKey });
    const id = answer.headers.get("x-request-id")!;
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject({ code: "internal_error", message: expect.stringContaining(id) });
    const mine = lines.filter((l) => l.reqId === id);
    expect(mine.map((l) => [l.level, l.msg])).toEqual([["error", "request failed"], ["error", "request"]]);
    expect(mine[0]!.err).toMatchObject({ message: "disk on fire" });
    expect(mine[1]).toMatchObject({ status: 500, path: "/api/v1/anything/" });
  });
});

import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/testing/call-route";
import { resolveConversation } from "@/lib/conversations/resolve-conversation";
import { reportSummaryResponseSchema, reportTimeseriesResponseSchema } from "@/lib/reports/openapi";
import { createReportsOrg, customerConversation, reply } from "@/lib/reports/testing";
import * as csv from "./reports/conversations.csv/route";
import * as summary from "./reports/summary/route";
import * as timeseries from "./reports/timeseries/route";

async function rawGet(handler: typeof csv.GET, path: string, key: string) {
  return handler(new Request(new URL(path, "http://localhost:3000"), { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
}

describe("/api/v1/reports/", () => {
  it("answers summary, timeseries and CSV with the same counts for a server key", async () => {
    const org = await createReportsOrg();
    const one = await customerConversation(org.ctx, "Api one", 900);
    await customerConversation(org.ctx, "Api two", 300);
    await reply(org.agentCtx, one.id);
    await resolveConversation(org.ctx, one.id);
    const key = org.serverKey;

    const s = await callRoute(summary.GET, "GET", "/api/v1/reports/summary/", { key });
    expect(s.status).toBe(200);
    reportSummaryResponseSchema.parse(s.body);
    expect(s.body).toMatchObject({ conversations_created: 2, conversations_resolved: 1, first_response_seconds: { median: expect.any(Number) } });

    const t = await callRoute(timeseries.GET, "GET", "/api/v1/reports/timeseries/?metric=conversations_created&interval=hour", { key });
    expect(t.status).toBe(200);
    reportTimeseriesResponseSchema.parse(t.body);
    expect(t.body.points.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(2);

    const file = await rawGet(csv.GET, "/api/v1/reports/conversations.csv", key);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("text/csv");
    expect(file.headers.get("content-disposition")).toMatch(/attachment; filename="dexra-conversations-/);
    const lines = (await file.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,number,subject,/);
    expect(lines).toHaveLength(3);
  });

  it("refuses client keys and bad filters with JSON errors, and sees no other organization", async () => {
    const org = await createReportsOrg();
    await customerConversation(org.ctx, "Theirs");
    const other = await createReportsOrg();
    const forbidden = await callRoute(summary.GET, "GET", "/api/v1/reports/summary/", { key: org.clientKey });
    expect(forbidden.status).toBe(403);
    const bad = await callRoute(timeseries.GET, "GET", "/api/v1/reports/timeseries/?interval=week", { key: org.serverKey });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_error", details: [expect.objectContaining({ path: ["interval"] })] });
    const badCsv = await callRoute(csv.GET, "GET", "/api/v1/reports/conversations.csv?from=soon", { key: org.serverKey });
    expect(badCsv.status).toBe(400);
    const theirs = await callRoute(summary.GET, "GET", "/api/v1/reports/summary/", { key: other.serverKey });
    expect(theirs.body.conversations_created).toBe(0);
  });
});

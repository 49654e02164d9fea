import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as attachmentsRoute from "@/app/api/v1/attachments/route";
import * as visitorRoute from "@/app/api/widget/visitor/route";
import { createTestOrg } from "../testing/test-org";

beforeAll(() => {
  process.env.DEXRA_END_USER_UPLOADS_PER_HOUR = "3";
  process.env.DEXRA_END_USER_UPLOAD_BYTES_PER_HOUR = "1000";
});
afterAll(() => {
  delete process.env.DEXRA_END_USER_UPLOADS_PER_HOUR;
  delete process.env.DEXRA_END_USER_UPLOAD_BYTES_PER_HOUR;
});

async function upload(key: string, token: string | null, bytes = 10, address?: string) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes).fill(65)], "note.txt", { type: "text/plain" }));
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (token) headers["x-dexra-user-token"] = token;
  if (address) headers["x-forwarded-for"] = address;
  const response = await attachmentsRoute.POST(new Request("http://localhost:3000/api/v1/attachments/", { method: "POST", headers, body: form }), { params: Promise.resolve({}) } as never);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

async function visitor(key: string) {
  const response = await visitorRoute.POST(new Request("http://localhost:3000/api/widget/visitor", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: "{}" }), { params: Promise.resolve({}) } as never);
  return response.headers.get("x-dexra-user-token")!;
}

describe("uploads are capped per end user", () => {
  it("counts files per hour: the next one is a clear 429 JSON error with Retry-After; other visitors and server keys are not affected", async () => {
    const org = await createTestOrg();
    const a = await visitor(org.clientKey);
    for (let i = 0; i < 3; i++) expect((await upload(org.clientKey, a)).status).toBe(201);
    const refused = await upload(org.clientKey, a);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("at most 3 files per hour") });
    expect(Number(refused.retryAfter)).toBeGreaterThan(3500);
    expect((await upload(org.clientKey, await visitor(org.clientKey))).status).toBe(201);
    expect((await upload(org.serverKey, null)).status).toBe(201);
  });

  it("counts bytes per hour, and concurrent uploads cannot slip past the cap together", async () => {
    const org = await createTestOrg();
    const a = await visitor(org.clientKey);
    expect((await upload(org.clientKey, a, 600)).status).toBe(201);
    const refused = await upload(org.clientKey, a, 600);
    expect([refused.status, refused.body.error.message]).toEqual([429, expect.stringContaining("at most 1000 bytes per hour")]);
    expect((await upload(org.clientKey, a, 300)).status).toBe(201);

    const b = await visitor(org.clientKey);
    const results = await Promise.all(Array.from({ length: 6 }, () => upload(org.clientKey, b)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
  });

  it("counts per network address too: visitors minted one after another from one place share its allowance", async () => {
    process.env.DEXRA_END_USER_UPLOADS_PER_HOUR = "1";
    try {
      const org = await createTestOrg();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await upload(org.clientKey, await visitor(org.clientKey), 10, "203.0.113.7")).status);
      // One file per visitor, five visitors' worth per address.
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      const refused = await upload(org.clientKey, await visitor(org.clientKey), 10, "203.0.113.7");
      expect(refused.body.error.message).toContain("at most 5 files per hour for one network address");
      expect((await upload(org.clientKey, await visitor(org.clientKey), 10, "198.51.100.9")).status).toBe(201);
    } finally {
      process.env.DEXRA_END_USER_UPLOADS_PER_HOUR = "3";
    }
  });
});

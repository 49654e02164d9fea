import { describe, expect, it } from "vitest";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";
import { MAX_FAILURES } from "./throttle";
import { verifyCredentials } from "./verify-credentials";

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner } = await createTestOrg();
    const result = await verifyCredentials({ email: owner.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: true, agent: { id: owner.id } });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const { owner } = await createTestOrg();
    await expect(verifyCredentials({ email: owner.email, password: "wrong" })).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(verifyCredentials({ email: "nobody@example.test", password: "wrong" })).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an email after ${MAX_FAILURES} failures, even for the right password`, async () => {
    const { owner } = await createTestOrg();
    for (let i = 0; i < MAX_FAILURES; i++) await verifyCredentials({ email: owner.email, password: `wrong-${i}` });
    const result = await verifyCredentials({ email: owner.email, password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    if (!result.ok && result.reason === "throttled") expect(result.retryInMinutes).toBeGreaterThan(0);
  });
});

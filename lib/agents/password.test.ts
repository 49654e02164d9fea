import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// Made by bcryptjs (the previous implementation) for "pw": stored hashes must keep working.
const BCRYPTJS_HASH = "$2b$10$U4Rf9YYaradZRbXeTtOmrez5Ue2jDb/lTsePYY3ZCQl725DGYjRqe";

describe("password hashing", () => {
  it("verifies hashes made before, and its own, and refuses wrong passwords and broken hashes", async () => {
    expect(await verifyPassword("pw", BCRYPTJS_HASH)).toBe(true);
    expect(await verifyPassword("dexra-demo", BCRYPTJS_HASH)).toBe(false);
    const made = await hashPassword("a long password");
    expect(made).toMatch(/^\$2[ab]\$10\$/);
    expect(await verifyPassword("a long password", made)).toBe(true);
    expect(await verifyPassword("a long passworD", made)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("keeps the event loop free while hashing (no request waits behind a sign-in)", async () => {
    const before = performance.eventLoopUtilization();
    await Promise.all(Array.from({ length: 8 }, () => verifyPassword("guess", BCRYPTJS_HASH)));
    const { utilization, active, idle } = performance.eventLoopUtilization(before);
    // Eight cost-10 checks took real time, yet the loop sat idle through most of it: the work ran elsewhere
    // (hashing in JavaScript keeps it near 100% busy).
    expect(active + idle).toBeGreaterThan(40);
    expect(utilization).toBeLessThan(0.5);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { loginClient } from "./login-client";

const headers = (init: Record<string, string>) => new Headers(init);

describe("loginClient", () => {
  afterEach(() => {
    delete process.env.DEXRA_TRUSTED_PROXY_HOPS;
  });

  it("takes the address the nearest proxy (or Next itself) recorded, not what the client claims", () => {
    expect(loginClient(headers({ "x-forwarded-for": "203.0.113.9" })).ip).toBe("203.0.113.9");
    expect(loginClient(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).ip).toBe("203.0.113.9");
    expect(loginClient(headers({ "x-forwarded-for": "::ffff:127.0.0.1" })).ip).toBe("127.0.0.1");
    expect(loginClient(headers({ "x-forwarded-for": "not-an-ip" })).ip).toBeNull();
    expect(loginClient(headers({})).ip).toBeNull();
  });

  it("counts the configured number of trusted proxies from the right", () => {
    process.env.DEXRA_TRUSTED_PROXY_HOPS = "2";
    expect(loginClient(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" })).ip).toBe("203.0.113.9");
  });

  it("reads the known-device cookie", () => {
    expect(loginClient(headers({ cookie: "a=1; dexra_device=abc.def; b=2" })).deviceCookie).toBe("abc.def");
    expect(loginClient(headers({ cookie: "a=1" })).deviceCookie).toBeNull();
    // A hand-made cookie with a broken escape is no cookie, not a failed sign-in.
    expect(loginClient(headers({ cookie: "dexra_device=%E0%A4%A" })).deviceCookie).toBeNull();
  });
});

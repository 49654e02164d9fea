import { afterEach, describe, expect, it, vi } from "vitest";
import { authConfig } from "./config";

// What Auth.js hands the logger for a wrong password in a production build: the class name is minified.
class v extends Error {
  type = "CredentialsSignin";
  kind = "signIn";
}
class w extends Error {
  type = "CallbackRouteError";
}

describe("Auth.js logging", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a failed sign-in prints nothing, not even with minified class names", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    authConfig.logger.error(new v("Read more at https://errors.authjs.dev#credentialssignin"));
    expect(spy).not.toHaveBeenCalled();
  });

  it("a real failure is still logged, on one line without a stack trace", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    authConfig.logger.error(Object.assign(new w("database down"), { cause: "ECONNREFUSED" }));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]![0])).toBe("[auth] CallbackRouteError: database down");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { runEvery } from "./run-every";

afterEach(() => vi.useRealTimers());

describe("periodic jobs", () => {
  it("run once per name however often they are started, and keep running after a failure", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const job = async () => {
      runs++;
      if (runs === 1) throw new Error("the database blinked");
    };
    runEvery(`test-${Math.random()}`, 1_000, job);
    const name = `test-${Math.random()}`;
    runEvery(name, 1_000, job);
    runEvery(name, 1_000, job);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(6);
  });
});

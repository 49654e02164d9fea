import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Times `runs` calls of `call` with `concurrency` in flight; returns p50/p95 ms and requests a second. */
export async function timeCalls(runs: number, concurrency: number, call: (i: number) => Promise<Response>) {
  for (let i = 0; i < Math.min(20, runs); i++) await (await call(i)).arrayBuffer();
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < runs) {
      const i = next++;
      const t = performance.now();
      const response = await call(i);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
      samples.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { p50: pct(samples, 50), p95: pct(samples, 95), rps: runs / seconds };
}

/** Resident memory of a server's whole process group (next start may run the server in a child), in MiB. */
export function groupRssMiB(pgid: number) {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
  return out.split("\n").filter(Boolean).reduce((sum, kb) => sum + Number(kb), 0) / 1024;
}

/** Opens an SSE stream and calls `onData` with each `data:` payload and its arrival time. */
export async function openStream(url: string, cookie: string, onData: (payload: string, at: number) => void) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split("\n")) if (line.startsWith("data: ")) onData(line.slice(6), at);
        }
      }
    } catch {}
  })();
  return () => controller.abort();
}

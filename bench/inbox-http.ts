import { performance } from "node:perf_hooks";

function collectCookies(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through Auth.js's credentials endpoint, as the login form does, and returns the cookie header. */
export async function signIn(base: string, email: string, password: string) {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  collectCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/inbox` }),
  });
  collectCookies(response, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
  return cookieHeader(jar);
}

/** HTTP timings through a running server: the list API and the /inbox page's first render (HTML). */
export async function timeHttp(base: string, email: string, password: string, runs: number) {
  const cookie = await signIn(base, email, password);
  const results = [];
  for (const [label, path] of [
    ["HTTP GET /api/inbox/conversations (open)", "/api/inbox/conversations?view=open"],
    ["HTTP GET /api/inbox/counts", "/api/inbox/counts"],
    ["HTTP GET /inbox (first render, HTML)", "/inbox"],
  ] as const) {
    for (let i = 0; i < 5; i++) await (await fetch(base + path, { headers: { Cookie: cookie } })).arrayBuffer();
    const samples: number[] = [];
    for (let i = 0; i < Math.min(runs, 100); i++) {
      const start = performance.now();
      const response = await fetch(base + path, { headers: { Cookie: cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const p50 = samples[Math.floor(samples.length * 0.5)]!;
    const p95 = samples[Math.floor(samples.length * 0.95)]!;
    console.log(`${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
    results.push({ label, p50, p95 });
  }
  return results;
}

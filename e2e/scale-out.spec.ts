import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { startPgBouncer, type PgBouncer } from "../lib/ops/testing/pgbouncer";
import { startWebhookReceiver } from "../lib/testing/webhook-receiver";
import { dexra } from "./fixtures";
import { openLiveStream, sessionCookie, startApp, startWorker, type Proc } from "./processes";

// Several `next start` instances (DEXRA_WORKER=off) and `npm run worker` processes on one PostgreSQL, directly
// and through a real PgBouncer in transaction mode. They reuse the one build the suite already made.
test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

const procs: Proc[] = [];
let bouncer: PgBouncer | undefined;
test.afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => p.stop("SIGKILL")));
  await bouncer?.stop();
  bouncer = undefined;
});

const appEnv = (extra: Record<string, string> = {}): Record<string, string> => ({ DEXRA_WORKER: "off", DEXRA_WEBHOOK_ALLOW_PRIVATE: "1", DEXRA_SNOOZE_POLL_MS: "300", ...extra });

async function newOrg(label: string, ratePerMinute = 100000) {
  const email = `owner-${label}-${Date.now()}@example.test`;
  const password = "scale-out-password";
  const org = dexra("create-org", "--name", `Scale ${label}`, "--owner-email", email, "--owner-password", password) as Record<string, string>;
  // Rate limits are counted in PostgreSQL, shared by every instance: 1,000 creates in a minute need more than 600.
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  await sql`update organizations set rate_limit_per_minute = ${ratePerMinute} where id = ${org.organization_id!}`;
  await sql.end();
  return { id: org.organization_id!, key: org.server_key!, email, password, headers: { authorization: `Bearer ${org.server_key}`, "content-type": "application/json" } };
}

/**
 * One API call. A pooled keep-alive socket that the server closes as idle just as it is reused fails with "other
 * side closed" before any answer: retried once, with an Idempotency-Key so a POST can never apply twice.
 * `retry: false` for the shutdown test, where a failed call must count as not acknowledged.
 */
async function api(base: string, headers: Record<string, string>, method: string, path: string, body?: unknown, retry = true) {
  const init = { method, headers: method === "POST" ? { ...headers, "idempotency-key": randomUUID() } : headers, body: body === undefined ? undefined : JSON.stringify(body) };
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, init);
  } catch (error) {
    if (!retry) throw error;
    response = await fetch(`${base}${path}`, init);
  }
  return { status: response.status, body: await response.json() };
}

/** The database clock's second within its minute (rate-limit windows are the database's minutes). */
async function databaseSecond() {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  const [row] = await sql<{ second: number }[]>`select extract(second from clock_timestamp())::float as second`;
  await sql.end();
  return row!.second;
}

async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}

for (const through of ["direct", "pgbouncer"] as const) {
  test(`two instances and two workers on one PostgreSQL (${through})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const serverUrl = process.env.DATABASE_URL!;
    let env = appEnv();
    if (through === "pgbouncer") {
      const server = new URL(serverUrl);
      bouncer = await startPgBouncer(server, { poolSize: 4 });
      env = appEnv({ DATABASE_URL: bouncer.url(server.pathname.slice(1)), DATABASE_DIRECT_URL: serverUrl });
    }
    const [a, b] = await Promise.all([startApp(env), startApp(env)]);
    procs.push(a, b);
    const org = await newOrg(through);
    const receiver = await startWebhookReceiver();
    const endpoint = await api(a.url, org.headers, "POST", "/api/v1/webhooks/", { url: receiver.url, events: ["*"] });
    expect(endpoint.status).toBe(201);
    receiver.trust(endpoint.body.secret);
    const workerEnv = { ...env, DEXRA_WEBHOOK_ORGANIZATIONS: org.id, DEXRA_WEBHOOK_POLL_MS: "200" };
    procs.push(...(await Promise.all([startWorker(workerEnv), startWorker(workerEnv)])));

    // An SSE client on instance B sees a change made through instance A.
    const cookie = await sessionCookie(browser, b.url, org.email, org.password);
    const live = await openLiveStream(b.url, cookie);
    const first = await api(a.url, org.headers, "POST", "/api/v1/conversations/create/", { subject: "Made through A", user_email: "live@example.com", description: "hi" });
    expect(first.status).toBe(201);
    await expect.poll(() => live.state.text.includes(first.body.id), { timeout: 5_000 }).toBe(true);
    // Presence too: an agent typing in the conversation, posted to instance A, reaches the stream on B.
    const typing = await fetch(`${a.url}/api/inbox/presence`, {
      method: "POST",
      headers: { cookie, origin: a.url, "content-type": "application/json" },
      body: JSON.stringify({ conversation_id: first.body.id, state: "typing" }),
    });
    expect(typing.status).toBe(204);
    await expect.poll(() => live.state.text.includes(`"conversationId":"${first.body.id}","type":"presence"`), { timeout: 5_000 }).toBe(true);
    live.close();

    // One Idempotency-Key sent to both instances at once: one conversation, both answers name it.
    const idempotencyKey = randomUUID();
    const twice = await Promise.all([a.url, b.url].map(async (base) => {
      const r = await fetch(`${base}/api/v1/conversations/create/`, { method: "POST", headers: { ...org.headers, "idempotency-key": idempotencyKey }, body: JSON.stringify({ subject: "Sent twice", user_email: "twice@example.com" }) });
      return { status: r.status, body: await r.json() };
    }));
    const answered = twice.filter((r) => r.status === 201);
    expect(answered.length, JSON.stringify(twice)).toBeGreaterThanOrEqual(1);
    // The second is either the replay of the first (201, same id) or refused while the first is in flight (409).
    expect(twice.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === "conflict"))).toBe(true);
    expect(new Set(answered.map((r) => r.body.id)).size).toBe(1);

    // 50 concurrent claims (force: false) by two agents across both instances: one agent wins, the other's all
    // answer 409 already_assigned, and the assignment happened once.
    const rival = `rival-${Date.now()}@example.test`;
    dexra("create-agent", "--org", org.id, "--email", rival, "--password", "rival-password", "--role", "agent");
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => {
      const agent = i % 2 ? org.email : rival;
      return api(i % 4 < 2 ? a.url : b.url, org.headers, "POST", `/api/v1/conversations/${first.body.id}/claim/`, { agent_email: agent, force: false }).then((r) => ({ ...r, agent }));
    }));
    const winners = new Set(claims.filter((c) => c.status === 200).map((c) => c.agent));
    expect(winners.size).toBe(1);
    expect(claims.filter((c) => !winners.has(c.agent)).map((c) => c.body.error?.code)).toEqual(Array(25).fill("already_assigned"));
    const activity = await api(b.url, org.headers, "GET", `/api/v1/conversations/${first.body.id}/activity/`);
    expect(activity.body.results.filter((r: { action: string }) => r.action === "claimed")).toHaveLength(1);

    // 1,000 conversations in all (these 998, the first and the one sent twice), created across both instances:
    // distinct numbers, and each conversation_created webhook delivered once.
    const created = await inParallel(998, 16, (i) =>
      api(i % 2 ? a.url : b.url, org.headers, "POST", "/api/v1/conversations/create/", { subject: `Bulk ${i}`, user_email: `bulk${i % 50}@example.com` }));
    expect(created.every((c) => c.status === 201)).toBe(true);
    const numbers = new Set(created.map((c) => c.body.number).concat(first.body.number, answered[0]!.body.number));
    expect(numbers.size).toBe(1000);

    // Snooze wake-ups run once although both instances run the timer.
    const snoozed = created.slice(0, 20);
    const until = new Date(Date.now() + 5_000).toISOString();
    const snoozes = await Promise.all(snoozed.map((c, i) => api(i % 2 ? a.url : b.url, org.headers, "POST", `/api/v1/conversations/${c.body.id}/snooze/`, { until })));
    expect(snoozes.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const c of snoozed) {
      await expect.poll(async () => (await api(b.url, org.headers, "GET", `/api/v1/conversations/${c.body.id}/`)).body.status, { timeout: 30_000 }).toBe("open");
    }

    // The same key's rate limit holds across both instances (counted in PostgreSQL): 30 requests, alternating
    // between A and B, against a limit of 20 a minute: 20 answered, 10 refused. The window is the database's
    // clock minute, so the burst starts early in one (a burst across a minute boundary would get a fresh count).
    const limited = await newOrg(`${through}-limited`, 20);
    const second = await databaseSecond();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => api(i % 2 ? a.url : b.url, limited.headers, "GET", "/api/v1/conversations/?limit=1")));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(20);
    expect(burst.filter((r) => r.status === 429).map((r) => r.body.error.code)).toEqual(Array(10).fill("rate_limited"));

    const created1000 = () => receiver.received.filter((w) => w.body.type === "conversation_created").length;
    await expect.poll(created1000, { timeout: 90_000 }).toBe(1000);
    await new Promise((r) => setTimeout(r, 1_000));
    const ids = receiver.received.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.overlaps).toEqual([]);
    expect(receiver.received.every((w) => w.verifiedWith.length === 1)).toBe(true);
    for (const c of snoozed) {
      const woke = receiver.received.filter((w) => w.body.type === "conversation_status_changed" && w.body.data.conversation_id === c.body.id && w.body.data.to === "open");
      expect(woke, `wake-ups of ${c.body.id}`).toHaveLength(1);
    }
    await receiver.close();
  });
}

test("SIGTERM during load: every acknowledged request is kept, SSE streams get a reconnect hint, exit within 10 s", async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b] = await Promise.all([startApp(appEnv()), startApp(appEnv())]);
  procs.push(a, b);
  const org = await newOrg("sigterm");
  const live = await openLiveStream(a.url, await sessionCookie(browser, a.url, org.email, org.password));

  const acknowledged: string[] = [];
  let refused = 0;
  let stopAt = Date.now() + 60_000;
  const load = Promise.all(Array.from({ length: 8 }, async (_, worker) => {
    for (let i = 0; Date.now() < stopAt; i++) {
      try {
        const r = await api(a.url, org.headers, "POST", "/api/v1/conversations/create/", { subject: `Load ${worker}-${i}`, description: "during shutdown" }, false);
        if (r.status === 201) acknowledged.push(r.body.id);
        else refused++;
      } catch {
        refused++; // connection refused or closed: never acknowledged
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }));
  await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(30);
  const signalledAt = Date.now();
  const exited = a.stop("SIGTERM");
  const code = await exited;
  const tookMs = Date.now() - signalledAt;
  stopAt = Date.now() + 500;
  await load;

  console.log(`SIGTERM → exit in ${tookMs} ms; ${acknowledged.length} requests acknowledged, ${refused} refused or cut`);
  expect(tookMs).toBeLessThan(10_000);
  expect(code === 0 || code === 143 || code === null).toBe(true);
  expect(live.state.ended).toBe(true);
  expect(live.state.text).toMatch(/retry: 500\n\n$/);
  expect(refused).toBeGreaterThan(0);
  // Every request that was answered 201 is there, read through the other instance.
  const missing = (await inParallel(acknowledged.length, 8, async (i) =>
    (await api(b.url, org.headers, "GET", `/api/v1/conversations/${acknowledged[i]}/`)).status)).filter((s) => s !== 200);
  expect(missing).toEqual([]);
  const list = await api(b.url, org.headers, "GET", "/api/v1/conversations/?limit=1");
  expect(list.body.count).toBe(acknowledged.length);
});

import postgres from "postgres";

/**
 * A database that stops answering without closing its connections (paused container, frozen host, network
 * partition) is not covered by the connect time-out: queries on connections the pool already holds wait for
 * ever. The watchdog notices a request that has waited DATABASE_WATCHDOG_MS, then asks the database itself,
 * on a new connection, whether it answers. If it does, the request is merely slow and keeps going (checked
 * again later); if it does not, the request answers 503 now. Work left behind finishes or fails on its own
 * (an Idempotency-Key retry then replays or waits for it, see lib/api/idempotency.ts).
 * A request still waiting after DATABASE_WATCHDOG_CEILING_MS answers 503 even though new connections work: its
 * pooled connection is the one that stopped answering (a failover, a connection dropped without a reset).
 */
const AFTER_MS = Number(process.env.DATABASE_WATCHDOG_MS ?? 3_000);
const CEILING_MS = Number(process.env.DATABASE_WATCHDOG_CEILING_MS ?? 60_000);
const PROBE_TIMEOUT_MS = 2_000;
// Many requests waiting at once share one probe.
const PROBE_REUSE_MS = 1_000;

/** SQLSTATE 08006 (connection failure), so the API's error mapper answers it 503 with Retry-After. */
export class DatabaseUnresponsiveError extends Error {
  readonly code = "08006";
  constructor() {
    super("The database did not answer in time");
    this.name = "DatabaseUnresponsiveError";
  }
}

let lastProbe: { url: string; at: number; answers: Promise<boolean> } | undefined;

async function probe(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: PROBE_TIMEOUT_MS / 1_000, idle_timeout: 1, prepare: false, fetch_types: false, onnotice: () => {} });
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    return await Promise.race([client`select 1`.then(() => true), late]);
  } catch (error) {
    // An error with a SQLSTATE (too many clients, starting up) is an answer: the server is there, only busy.
    return /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code ?? ""));
  } finally {
    clearTimeout(timer);
    client.end({ timeout: 0 }).catch(() => {});
  }
}

function databaseAnswers(url: string): Promise<boolean> {
  if (!lastProbe || lastProbe.url !== url || Date.now() - lastProbe.at > PROBE_REUSE_MS) lastProbe = { url, at: Date.now(), answers: probe(url) };
  return lastProbe.answers;
}

/**
 * `work`'s result, or DatabaseUnresponsiveError once it has waited `afterMs` on a database that does not answer (or
 * `ceilingMs` in all). `url` is the database `work` reads (the primary unless said otherwise).
 */
export function watchDatabase<T>(work: Promise<T>, options: { afterMs?: number; ceilingMs?: number; url?: string } = {}): Promise<T> {
  const { afterMs = AFTER_MS, ceilingMs = CEILING_MS, url = process.env.DATABASE_URL } = options;
  if (!url || !(afterMs > 0)) return work;
  const startedAt = Date.now();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const check = () =>
      void databaseAnswers(url).then((answers) => {
        if (settled) return;
        if (answers && (!(ceilingMs > 0) || Date.now() - startedAt < ceilingMs)) timer = setTimeout(check, afterMs);
        else settle(() => reject(new DatabaseUnresponsiveError()));
      });
    timer = setTimeout(check, afterMs);
    work.then(
      (value) => settle(() => resolve(value)),
      (error) => settle(() => reject(error)),
    );
  });
}

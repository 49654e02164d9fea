import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  body: { id: string; type: string; created_at: string; organization_id: string; data: Record<string, unknown> };
  headers: http.IncomingHttpHeaders;
  verifiedWith: string[];
};
type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | "hang";

/**
 * A real HTTP receiver for tests: verifies every request with the `standardwebhooks` package against the
 * secrets it is told about, records what arrived, and flags a webhook-id arriving while the same id is in flight.
 */
export async function startWebhookReceiver(port = 0) {
  const secrets: string[] = [];
  const received: ReceivedWebhook[] = [];
  const inFlight = new Set<string>();
  const overlaps: string[] = [];
  let reply: (request: number, id: string) => Reply = () => ({ status: 200 });
  let requests = 0;
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"]);
      if (inFlight.has(id)) overlaps.push(id);
      inFlight.add(id);
      const verifiedWith = secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(raw, req.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      const answer = reply(++requests, id);
      if (answer === "hang") {
        hanging.add(res);
        return;
      }
      setTimeout(() => {
        if (answer.status >= 200 && answer.status < 300) received.push({ id, body: JSON.parse(raw), headers: req.headers, verifiedWith });
        inFlight.delete(id);
        res.writeHead(answer.status, answer.headers).end(answer.body ?? "ok");
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;

  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/hooks/dexra`,
    received,
    overlaps,
    get requests() {
      return requests;
    },
    trust: (secret: string) => secrets.push(secret),
    respond: (fn: typeof reply) => (reply = fn),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Polls until `check` passes or `timeoutMs` runs out (then returns its last failure). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

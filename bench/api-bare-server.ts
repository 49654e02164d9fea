/**
 * The physical limit of our design on this machine: node:http + postgres.js running the very statements the
 * Next handlers run (captured from drizzle's logger by api-throughput.ts), with no framework in between.
 * Usage (spawned by the benchmark): DATABASE_URL=… STATEMENTS=file.json PORT=… tsx bench/api-bare-server.ts
 */
import fs from "node:fs";
import http from "node:http";
import postgres from "postgres";

type Statement = { query: string; params: unknown[] };
type Captured = { list: Statement[]; create: Statement[]; conversationId: string };

const captured = JSON.parse(fs.readFileSync(process.env.STATEMENTS!, "utf8")) as Captured;
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });

// The app's client asks for named (prepared) statements too (db/client.ts): same statements, same protocol.
const PREPARED = { prepare: true };

const withId = (params: unknown[], id: string) => params.map((p) => (p === captured.conversationId ? id : p));

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    // Like the handler: a key that cannot be one is refused before any database work.
    if (!/^Bearer (sk|pk)_(live|test)_\w+$/.test(req.headers.authorization ?? "")) {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "unauthorized" } }));
      return;
    }
    if (req.method === "GET" && req.url?.startsWith("/api/v1/conversations/")) {
      // Like the handler: the key lookup, then the list's statements (side by side when there are several).
      const [auth, ...list] = captured.list;
      await sql.unsafe(auth!.query, auth!.params as never[], PREPARED).values();
      const results = await Promise.all(list.map((s) => sql.unsafe(s.query, s.params as never[], PREPARED).values()));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ count: results.at(-1)?.[0]?.[0], next: null, previous: null, results: results[0] }));
      return;
    }
    const match = /^\/api\/v1\/conversations\/([0-9a-f-]{36})\/messages\/create\/$/.exec(req.url ?? "");
    if (req.method === "POST" && match) {
      const body = JSON.parse(await readBody(req)) as { body: string };
      if (!body.body) throw new Error("body is required");
      const [auth, ...transaction] = captured.create;
      await sql.unsafe(auth!.query, auth!.params as never[], PREPARED).values();
      let last: unknown[] = [];
      await sql.begin(async (tx) => {
        for (const s of transaction) last = await tx.unsafe(s.query, withId(s.params, match[1]!) as never[], PREPARED).values();
      });
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify(last[0] ?? {}));
      return;
    }
    res.writeHead(404).end();
  } catch (error) {
    res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
  }
});

server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
// A clean exit on SIGTERM, so a --cpu-prof profile gets written.
process.on("SIGTERM", () => process.exit(0));

// Chat widget benchmark: bundle sizes (gzip), open() → composer ready in Chromium, and agent reply → visible
// with 100 widget streams open. BENCH_SIZES_ONLY=1 prints sizes only; BENCH_SKIP_BUILD=1 skips next build;
// DATABASE_URL points at a database of yours (a new organization is created in it), else a throwaway one.
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = path.join(import.meta.dirname, "..");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

function sizes() {
  if (spawnSync("node", ["scripts/build-widget.mjs"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("widget build failed");
  const file = (name: string) => fs.readFileSync(path.join(ROOT, ".widget-dist", name));
  const rows = [
    ["loader /widget.js", file("loader.js"), 6],
    ["messenger JS (first open)", file("messenger.js"), 80],
    ["messenger CSS (inlined in /widget)", file("messenger.css"), null],
  ] as const;
  console.log("\nWidget sizes (gzip, level 6):");
  for (const [label, body, target] of rows) {
    const gz = gzipSync(body).length;
    console.log(`  ${label.padEnd(36)} ${kb(body.length).padStart(8)} raw  ${kb(gz).padStart(8)} gzip${target ? `  (target ≤ ${target} KB: ${gz <= target * 1024 ? "met" : "MISSED"})` : ""}`);
  }
}

async function latency() {
  const { benchDatabaseUrl } = await import("./throwaway-postgres");
  const { buildApp, serverEnv, startNext } = await import("./servers");
  const { freePort } = await import("./throwaway-postgres");
  const databaseUrl = benchDatabaseUrl();
  buildApp();
  const { applyMigrations } = await import("../db/migrate");
  await applyMigrations();
  const { createOrganization } = await import("../lib/organizations/create-organization");
  const { db, sql } = await import("../db/client");
  const org = await createOrganization({ name: "Widget bench", ownerEmail: `bench-${Date.now()}@example.test`, ownerPassword: "bench-password-123", ownerName: "Bench Agent" });
  // One publishable key serves every visitor of a site; the per-key limit is not what is measured here.
  await db.execute(sql`update organizations set rate_limit_per_minute = 1000000 where id = ${org.organization.id}`);
  const app = await startNext(freePort(), serverEnv(databaseUrl));
  const hash = (email: string) => createHmac("sha256", org.identitySecret).update(email).digest("hex");
  const visitor = (i: number) => {
    const email = `visitor-${i}@bench.example`;
    return { authorization: `Bearer ${org.clientKey}`, "x-dexra-user-email": email, "x-dexra-user-hash": hash(email), "content-type": "application/json" };
  };

  // 100 visitors, each with a conversation and an open widget stream.
  const streams = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const headers = visitor(i);
      const created = await (await fetch(`${app}/api/v1/conversations/create/`, { method: "POST", headers, body: JSON.stringify({ subject: `Bench ${i}`, description: "hi", channel: "web" }) })).json();
      const response = await fetch(`${app}/api/widget/stream`, { headers });
      const reader = response.body!.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
      await reader.read();
      return { headers, conversationId: created.id as string, reader };
    }),
  );
  const samples: number[] = [];
  for (let n = 0; n < 60; n++) {
    const s = streams[(n * 37) % streams.length]!;
    const waiting = (async () => {
      for (;;) {
        const { value } = await s.reader.read();
        if (value?.includes(`"type":"message","conversation_id":"${s.conversationId}"`)) return;
      }
    })();
    const t0 = performance.now();
    await fetch(`${app}/api/v1/conversations/${s.conversationId}/messages/create/`, {
      method: "POST",
      headers: { authorization: `Bearer ${org.serverKey}`, "content-type": "application/json" },
      body: JSON.stringify({ body: `reply ${n}`, user_email: org.owner.email }),
    });
    await waiting;
    // What the messenger does before drawing: re-read the thread through the client-key API.
    await (await fetch(`${app}/api/v1/conversations/${s.conversationId}/messages/`, { headers: s.headers })).json();
    samples.push(performance.now() - t0);
  }
  console.log(`\nAgent reply → visible (POST reply → stream event → thread re-read), 100 widget streams open, ${samples.length} samples:`);
  console.log(`  p50 ${pct(samples, 50).toFixed(0)} ms   p95 ${pct(samples, 95).toFixed(0)} ms   (target p95 < 250 ms)`);
  for (const s of streams) await s.reader.cancel().catch(() => {});

  // open() → composer ready, in Chromium, the page on another origin than the app.
  const { chromium } = await import("@playwright/test");
  const { startHostSite, hostUrl } = await import("../e2e/widget-host");
  const site = await startHostSite(app);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const opens: number[] = [];
  const loads: number[] = [];
  for (let n = 0; n < 15; n++) {
    const page = await browser.newPage();
    page.on("console", (m) => m.type() === "error" && console.error(`  [page] ${m.text()}`));
    const t0 = performance.now();
    await page.goto(hostUrl(site.port, { key: org.clientKey }));
    const frame = page.frameLocator('iframe[title="Dexra chat"]');
    // The loader's "ready": config read, launcher drawn, iframe and messenger loaded, handshake done.
    await page.waitForFunction(() => (window as unknown as { Dexra?: { on?: unknown } }).Dexra?.on);
    await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { Dexra: { on: (e: string, f: () => void) => void } }).Dexra.on("ready", resolve)));
    loads.push(performance.now() - t0);
    const t1 = performance.now();
    await page.evaluate(() => (window as unknown as { Dexra: { open: () => void } }).Dexra.open());
    await frame.getByRole("button", { name: "New conversation" }).click();
    await frame.getByRole("textbox", { name: "Write your message…" }).waitFor({ state: "visible" });
    opens.push(performance.now() - t1);
    await page.close();
  }
  await browser.close();
  await site.close();
  console.log(`\nIn Chromium (${opens.length} page loads):`);
  console.log(`  page load → messenger ready (loader, config, iframe, bundle): p50 ${pct(loads, 50).toFixed(0)} ms  p95 ${pct(loads, 95).toFixed(0)} ms`);
  console.log(`  open() → composer ready (incl. "New conversation" click):  p50 ${pct(opens, 50).toFixed(0)} ms  p95 ${pct(opens, 95).toFixed(0)} ms`);
}

sizes();
if (process.env.BENCH_SIZES_ONLY !== "1") await latency();
process.exit(0);

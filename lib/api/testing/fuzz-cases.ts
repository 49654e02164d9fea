/**
 * Hostile requests derived from the OpenAPI document: for every operation, wrong types, missing fields, huge
 * strings, lone surrogates, deep nesting, bad ids, bad enum values and bad headers. The API must answer each
 * with a JSON 2xx/4xx, never a 5xx. Operations added later are covered by construction.
 */
type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };

export type FuzzCase = { label: string; method: string; path: string; headers: Record<string, string>; body?: string | Buffer };
export type FuzzContext = {
  /** Headers that authenticate as each kind of caller (a client key also carries its end-user identity). */
  auth: { server: Record<string, string>; client: Record<string, string> };
  /** A real id per path parameter name (`id` → a conversation, or a webhook on /webhooks/ paths). */
  ids: (param: string, path: string) => string;
};

const HUGE = "x".repeat(200_000);
const SURROGATE = "a\ud800b";
const nest = (levels: number): unknown => (levels === 0 ? "bottom" : { a: nest(levels - 1) });
const BAD_VALUES: [string, unknown][] = [
  ["number", 12345],
  ["negative", -1],
  ["float", 1e308],
  ["bool", true],
  ["null", null],
  ["array", ["x", 1, null]],
  ["object", { nested: { a: 1 } }],
  ["empty string", ""],
  ["huge string", HUGE],
  ["surrogate", SURROGATE],
  ["nul", "a\u0000b"],
  ["deep", nest(100)],
  ["bad enum/uuid", "definitely-not-valid"],
  ["far future date", "9999-12-31T23:00:00-05:00"],
  ["year zero date", "0000-01-01T00:00:00Z"],
  ["whitespace only", "   \t\n "],
  ["number as string", "42"],
  ["2^63", 9223372036854775807],
  ["markup", "<script>alert(1)</script>"],
  ["sql", "'; drop table conversations; --"],
  ["emoji flood", "😀".repeat(60_000)],
  ["long array", Array.from({ length: 5000 }, (_, i) => `t${i}`)],
  ["object of nulls", { a: null, b: null }],
  ["prototype keys", { __proto__: { polluted: true }, constructor: "x" }],
];
const BAD_IDS = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%C0%80", "%ED%A0%80", "%00", "..%2F..%2Fetc", "x".repeat(3000), "1 OR 1=1", "%E2%80%AE"];
const BAD_QUERY = ["-1", "0", "1e309", "NaN", "99999999999999999999", "%ED%A0%80", "%C0%80", "x".repeat(5000), "open%00", "[]"];
const BAD_HEADER_SETS: [string, Record<string, string>][] = [
  ["no key", {}],
  ["malformed key", { authorization: "Bearer \u00ff\u00fe" }],
  ["basic auth", { authorization: "Basic Zm9vOmJhcg==" }],
  ["unknown key", { authorization: "Bearer sk_live_" + "A".repeat(32) }],
  ["huge key", { authorization: "Bearer " + "k".repeat(8000) }],
  ["client key shape, unknown", { authorization: "Bearer pk_live_" + "B".repeat(32), "x-dexra-user-token": "garbage" }],
];
/** Identity headers a client-key request may carry, each broken in its own way. */
const BAD_IDENTITY: [string, Record<string, string>][] = [
  ["email without hash", { "x-dexra-user-email": "someone@example.com" }],
  ["hash of another email", { "x-dexra-user-email": "other@example.com", "x-dexra-user-hash": "0".repeat(64) }],
  ["garbage token", { "x-dexra-user-token": "garbage token !!" }],
  ["garbage jwt", { "x-dexra-user-jwt": "eyJhbGciOiJub25lIn0.eyJlbWFpbCI6ImFAYi5jIn0." }],
  ["huge email", { "x-dexra-user-email": "e".repeat(6000) + "@example.com", "x-dexra-user-hash": "ab" }],
];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function resolve(doc: Doc, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split("/").pop()!]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => resolve(doc, s)));
  if (schema.anyOf ?? schema.oneOf) return resolve(doc, (schema.anyOf ?? schema.oneOf)[0]);
  return schema;
}

/** A plausible value for a schema: the baseline each mutation starts from. */
export function sampleOf(doc: Doc, raw: Schema | undefined, key = ""): unknown {
  const schema = resolve(doc, raw);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (schema.enum) return schema.enum[0];
  if (type === "object" || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) out[name] = sampleOf(doc, prop, name);
    return out;
  }
  if (type === "array") return [sampleOf(doc, schema.items, key)];
  if (type === "integer" || type === "number") return Math.max(1, schema.minimum ?? 1);
  if (type === "boolean") return false;
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "email" || key.includes("email")) return "fuzz@example.com";
  if (schema.format === "date-time" || key.includes("until")) return "2030-01-01T00:00:00Z";
  if (schema.format === "uri" || key === "url") return "http://127.0.0.1:9/hook";
  return "fuzz";
}

const fill = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? "x");

export function buildFuzzCases(doc: Doc, ctx: FuzzContext): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries<any>(operations)) {
      const method = lower.toUpperCase();
      const params: Schema[] = op.parameters ?? [];
      const pathNames = params.filter((p) => p.in === "path").map((p) => p.name as string);
      const validIds = Object.fromEntries(pathNames.map((n) => [n, encodeURIComponent(ctx.ids(n, template))]));
      const path = fill(template, validIds);
      const needsKey = Array.isArray(op.security) && op.security.length > 0;
      const keys = needsKey ? (op.security as Record<string, unknown>[]).map((s) => (Object.keys(s)[0] === "clientKey" ? ctx.auth.client : ctx.auth.server)) : [{}];
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const base = bodySchema ? sampleOf(doc, bodySchema) : undefined;
      const json = { "content-type": "application/json" };
      const add = (label: string, c: Partial<FuzzCase>) =>
        cases.push({ label: `${method} ${template} ${label}`, method, path, headers: { ...keys[0], ...json }, ...c });

      if (keys.includes(ctx.auth.client)) {
        for (const [label, headers] of BAD_IDENTITY) {
          const { ["x-dexra-user-email"]: _e, ["x-dexra-user-hash"]: _h, ...clientKeyOnly } = ctx.auth.client;
          add(`identity: ${label}`, { headers: { ...clientKeyOnly, ...headers, ...json }, body: base ? JSON.stringify(base) : undefined });
        }
      }
      for (const [label, headers] of BAD_HEADER_SETS) add(`headers: ${label}`, { headers: { ...headers, ...json }, body: base ? JSON.stringify(base) : undefined });
      keys.forEach((auth, i) => add(`baseline key #${i}`, { headers: { ...auth, ...json }, body: base ? JSON.stringify(base) : undefined }));
      for (const name of pathNames) {
        for (const bad of BAD_IDS) add(`path ${name}=${bad.slice(0, 20)}`, { path: fill(template, { ...validIds, [name]: bad }), body: base ? JSON.stringify(base) : undefined });
      }
      for (const p of params.filter((p) => p.in === "query")) {
        const values = [...BAD_QUERY, ...(resolve(doc, p.schema).enum ? ["not-an-enum-value"] : [])];
        for (const bad of values) add(`query ${p.name}=${bad.slice(0, 20)}`, { path: `${path}?${p.name}=${bad}` });
      }
      if (method === "POST") {
        add("huge Idempotency-Key", { headers: { ...keys[0], ...json, "idempotency-key": "i".repeat(5000) }, body: base ? JSON.stringify(base) : undefined });
        add("Idempotency-Key with a surrogate body", { headers: { ...keys[0], ...json, "idempotency-key": `fuzz-${cases.length}` }, body: JSON.stringify({ x: SURROGATE }) });
      }
      if (method === "GET" || method === "DELETE") continue;
      for (const [label, body] of [
        ["not JSON", "{not json"],
        ["JSON array", "[1,2,3]"],
        ["JSON string", '"text"'],
        ["JSON null", "null"],
        ["deep array 6000", "[".repeat(6000) + "]".repeat(6000)],
        ["raw lone surrogate escape", '{"subject":"a\\ud800b","body":"\\udfff"}'],
      ] as const) add(`body ${label}`, { body });
      add("body invalid UTF-8 bytes", { body: Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x22, 0x7d]) });
      add("text/plain body", { headers: { ...keys[0], "content-type": "text/plain" }, body: "subject=x" });
      if (base && typeof base === "object" && !Array.isArray(base)) {
        const props = Object.keys(resolve(doc, bodySchema).properties ?? {});
        add("unknown field", { body: JSON.stringify({ ...base, __proto__x: 1, constructor: { prototype: 1 } }) });
        add("empty object", { body: "{}" });
        keys.forEach((auth, i) => {
          const headers = { ...auth, ...json };
          for (const prop of props) {
            const { [prop]: _dropped, ...missing } = base as Record<string, unknown>;
            add(`key #${i} missing ${prop}`, { headers, body: JSON.stringify(missing) });
            for (const [label, value] of BAD_VALUES) add(`key #${i} ${prop}=${label}`, { headers, body: JSON.stringify({ ...base, [prop]: value }) });
          }
        });
      }
    }
    // Methods the path does not offer: a JSON 405, never Next's empty one.
    for (const method of METHODS.filter((m) => !operations[m.toLowerCase()])) {
      const path = fill(template, Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map(([, n]) => [n!, encodeURIComponent(ctx.ids(n!, template))])));
      cases.push({ label: `${method} ${template} (not offered)`, method, path, headers: { ...ctx.auth.server, "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
    }
  }
  // Deletions last, so the resources the other cases aim at still exist while they run.
  return [...cases.filter((c) => c.method !== "DELETE"), ...cases.filter((c) => c.method === "DELETE")];
}

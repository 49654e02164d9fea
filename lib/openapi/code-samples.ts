type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; example?: unknown; items?: Schema; anyOf?: Schema[] };
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; "x-codeSamples"?: unknown[] };
type Document = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ["get", "post", "put", "patch", "delete"];

/** A readable example value for a schema: its example, its first enum value, or a placeholder of its type. */
function exampleOf(schema: Schema | undefined, doc: Document, depth = 0): unknown {
  if (!schema || depth > 3) return null;
  if (schema.$ref) return exampleOf(doc.components?.schemas?.[schema.$ref.split("/").pop()!], doc, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return exampleOf(schema.anyOf[0], doc, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    const keys = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 2);
    return Object.fromEntries(keys.map((k) => [k, exampleOf(schema.properties?.[k], doc, depth + 1)]));
  }
  if (type === "array") return [];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  return "…";
}

function sdkSample(method: string, path: string, op: Operation, doc: Document) {
  const params: string[] = [];
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (pathNames.length) params.push(`path: { ${pathNames.map((n) => `${n}: "…"`).join(", ")} }`);
  if (op.parameters?.some((p) => p.in === "query")) params.push("query: { limit: 20 }");
  const options: string[] = [];
  if (params.length) options.push(`params: { ${params.join(", ")} }`);
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  if (schema) options.push(`body: ${JSON.stringify(exampleOf(schema, doc))}`);
  return [
    `import { createDexra, unwrap } from "@dexra/sdk";`,
    ``,
    `const dexra = createDexra({ apiKey: process.env.DEXRA_SERVER_KEY!, baseUrl: "https://help.example.com" });`,
    `const data = unwrap(await dexra.${method.toUpperCase()}("${path}"${options.length ? `, { ${options.join(", ")} }` : ""}));`,
  ].join("\n");
}

/** Adds a TypeScript SDK sample to every operation (the reference's own curl sample stays beside it). */
export function withCodeSamples<T extends object>(document: T): T {
  const doc = document as Document;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) op["x-codeSamples"] = [{ lang: "typescript", label: "Dexra SDK", source: sdkSample(method, path, op, doc) }];
    }
  }
  return document;
}

/**
 * `z.record(z.string(), z.unknown())` comes out as `additionalProperties: {}`; the reference's validator wants the
 * equivalent `true`. Rewritten in place, everywhere in the document.
 */
export function normalizeSchemas<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(normalizeSchemas);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === "additionalProperties" && value && typeof value === "object" && Object.keys(value).length === 0) record[key] = true;
      else normalizeSchemas(value);
    }
  }
  return node;
}

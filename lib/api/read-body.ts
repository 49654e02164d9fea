import { ApiError, invalid } from "../errors";
import { assertSafeInput } from "./json-guard";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new ApiError("payload_too_large", `Request body exceeds ${MAX_BODY_BYTES} bytes (1 MiB)`);

/** Reads at most 1 MiB (refusing early on Content-Length) and parses JSON; an empty body is `{}`. */
export async function readJsonBody(request: Request): Promise<{ text: string; json: unknown }> {
  const text = (await readRawBody(request, MAX_BODY_BYTES, tooLarge)).toString("utf8");
  if (text.trim() === "") return { text, json: {} };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw invalid("Request body is not valid JSON");
  }
}

/** Bodies are JSON objects; arrays, strings and numbers at the top level are refused. */
export function asObject(json: unknown): Record<string, unknown> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw invalid("Request body must be a JSON object");
  return json as Record<string, unknown>;
}

/** Kept for the callers that named it first: the same check as assertSafeInput (NUL, lone surrogates, depth). */
export const assertNoNul = assertSafeInput;

/** A non-JSON body (raw mail, multipart upload) as bytes, refused past `maxBytes` with 413 like JSON bodies. */
export async function readRawBody(
  request: Request,
  maxBytes: number,
  tooBig = () => new ApiError("payload_too_large", `Request body exceeds ${maxBytes} bytes`),
): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooBig();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

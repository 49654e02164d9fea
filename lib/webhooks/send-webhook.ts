import http from "node:http";
import https from "node:https";
import { deliveryAgent } from "./ssrf";

export const RESPONSE_BODY_LOG_CHARS = 1024;
const RESPONSE_READ_BYTES = 4096;

export type AttemptResult = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
  retryAfter?: string;
};

/**
 * One POST through the SSRF-filtering agent. Redirects are not followed (a 3xx is a failure), the whole
 * exchange is bounded by `timeoutMs`, and only the start of the response body is kept for the log.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const request = (url.startsWith("https:") ? https : http).request(url, {
      method: "POST",
      agent: deliveryAgent(url),
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Dexra-Webhooks/1" },
    });
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      resolve({ ok: false, statusCode: null, latencyMs: latency(), error: describeError(error), responseBody: null });
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        if (kept < RESPONSE_READ_BYTES) chunks.push(chunk);
        kept += chunk.length;
      });
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const redirect = status >= 300 && status < 400;
        resolve({
          ok,
          statusCode: status,
          latencyMs: latency(),
          error: ok ? null : redirect ? `redirect to ${response.headers.location ?? "?"} not followed` : `HTTP ${status}`,
          responseBody: withoutNul(Buffer.concat(chunks).toString("utf8")).slice(0, RESPONSE_BODY_LOG_CHARS) || null,
          retryAfter: response.headers["retry-after"],
        });
      });
    });
    request.end(body);
  });
}

// PostgreSQL text cannot hold NUL: a binary reply must not make the attempt unloggable (and so retried forever).
const withoutNul = (text: string) => text.replaceAll("\u0000", "\uFFFD");

function describeError(error: Error & { code?: string }): string {
  if (/is not allowed\. Because/.test(error.message)) {
    return `refused: the target resolves to a private, loopback or reserved address (${error.message.match(/lookup (\S+?)\(/)?.[1] ?? "?"})`;
  }
  return withoutNul(error.code ? `${error.code}: ${error.message}` : error.message);
}

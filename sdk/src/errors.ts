/** Every non-2xx answer of the Dexra API: `{"error": {code, message, details}}`, with the HTTP status. */
export class DexraError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = "DexraError";
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of an openapi-fetch result, or a DexraError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.error === undefined && result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { error?: { code?: string; message?: string; details?: unknown[] } };
  const e = body.error ?? {};
  throw new DexraError(result.response.status, e.code ?? "unknown", e.message ?? result.response.statusText, e.details ?? [], result.response.headers.get("x-request-id"));
}

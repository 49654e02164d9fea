/** Every non-2xx answer of the Dexra API: `{"error": {code, message, details}}`, with the HTTP status. */
export class DexraError extends Error {
    status;
    code;
    details;
    requestId;
    constructor(status, code, message, details = [], requestId = null) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.requestId = requestId;
        this.name = "DexraError";
    }
}
/** The data of an openapi-fetch result, or a DexraError. */
export function unwrap(result) {
    if (result.error === undefined && result.response.ok)
        return result.data;
    const body = (result.error ?? {});
    const e = body.error ?? {};
    throw new DexraError(result.response.status, e.code ?? "unknown", e.message ?? result.response.statusText, e.details ?? [], result.response.headers.get("x-request-id"));
}

/** Every non-2xx answer of the Dexra API: `{"error": {code, message, details}}`, with the HTTP status. */
export declare class DexraError extends Error {
    readonly status: number;
    readonly code: string;
    readonly details: unknown[];
    readonly requestId: string | null;
    constructor(status: number, code: string, message: string, details?: unknown[], requestId?: string | null);
}
type Result<T> = {
    data?: T;
    error?: unknown;
    response: Response;
};
/** The data of an openapi-fetch result, or a DexraError. */
export declare function unwrap<T>(result: Result<T>): T;
export {};

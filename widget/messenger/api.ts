export type Identity =
  | { kind: "none" }
  | { kind: "anonymous"; token: string }
  | { kind: "hash"; email: string; hash: string }
  | { kind: "jwt"; jwt: string; exp: number | null };

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JWT's exp claim (read, not verified: the server verifies). Lets the messenger stop before sending. */
export function jwtExpiry(jwt: string): number | null {
  try {
    const payload = JSON.parse(atob(jwt.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof payload.exp === "number" ? payload.exp : null;
  } catch {
    return null;
  }
}

export const isExpired = (identity: Identity) => identity.kind === "jwt" && identity.exp !== null && identity.exp * 1000 <= Date.now();

export function identityHeaders(identity: Identity, anonymousToken: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (identity.kind === "hash") {
    headers["x-dexra-user-email"] = identity.email;
    headers["x-dexra-user-hash"] = identity.hash;
  } else if (identity.kind === "jwt") headers["x-dexra-user-jwt"] = identity.jwt;
  if (anonymousToken) headers["x-dexra-user-token"] = anonymousToken;
  return headers;
}

/** Calls the public API with the publishable key and the visitor's identity. */
export async function callApi<T>(
  key: string,
  identity: Identity,
  path: string,
  options: { method?: string; body?: unknown; anonymousToken?: string | null } = {},
): Promise<{ data: T; headers: Headers }> {
  const token = options.anonymousToken !== undefined ? options.anonymousToken : identity.kind === "anonymous" ? identity.token : null;
  const response = await fetch(path, {
    method: options.method ?? "GET",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...identityHeaders(identity, token) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (data && data.error) || {};
    throw new ApiFailure(response.status, error.code || "error", error.message || `Request failed (${response.status})`);
  }
  return { data: data as T, headers: response.headers };
}

/** Uploads one file (multipart, `file` field) with the same key and identity headers as every other call. */
export async function uploadFile<T>(key: string, identity: Identity, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name || "file");
  const token = identity.kind === "anonymous" ? identity.token : null;
  // No content-type header: the browser writes the multipart boundary itself.
  const response = await fetch("/api/v1/attachments/", { method: "POST", headers: { authorization: `Bearer ${key}`, ...identityHeaders(identity, token) }, body: form });
  const text = await response.text();
  let data: { error?: { code?: string; message?: string } } | null = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: the status still says what happened.
  }
  if (!response.ok) throw new ApiFailure(response.status, data?.error?.code || "error", data?.error?.message || `Upload failed (${response.status})`);
  return data as T;
}

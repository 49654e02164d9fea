/** An error the server explained: its message is safe and meant to be shown to the agent. */
export class InboxRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/** fetch for /api/inbox: JSON in and out, the server's error message surfaced as InboxRequestError. */
export async function inboxFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      // Every state change is JSON, even without a body: the server refuses other types (CSRF).
      headers: init.body === undefined && (init.method ?? "GET") === "GET" ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new InboxRequestError("Can't reach Dexra. Check your connection; changes will retry when you act again.", 0, "network");
  }
  if (response.status === 401) {
    window.location.assign("/login");
    throw new InboxRequestError("Your session ended. Sign in again.", 401, "unauthorized");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new InboxRequestError(body?.error?.message ?? `Request failed (${response.status})`, response.status, body?.error?.code ?? "error");
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

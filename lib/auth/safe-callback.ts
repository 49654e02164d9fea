const BASE = "http://dexra.invalid";

/**
 * Only same-site paths. Anything else, including tricks browsers normalize into another host
 * (`//evil`, `/\\evil`, `/<TAB>/evil`), sends the agent to the inbox instead: no open redirect.
 */
export function safeCallback(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(value)) return "/inbox";
  const url = new URL(value, BASE);
  return url.origin === BASE ? url.pathname + url.search + url.hash : "/inbox";
}

import { authenticateKey } from "../api/authenticate-key";
import { ApiError } from "../errors";
import { isOriginAllowed } from "./origin";
import { getWidgetConfig, type WidgetConfig } from "./settings";

export type WidgetKey = { orgId: string; isTest: boolean; config: WidgetConfig };

/** Why a page gets no messenger; the loader prints the message in the host page's console. */
export class WidgetRefusal extends Error {
  constructor(
    readonly reason: "missing_key" | "invalid_key" | "wrong_key_kind" | "origin_not_allowed",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The organization a publishable key opens the widget for, refusing unknown, revoked and secret keys and
 * pages on origins the organization did not allow. `origin` null means "not checked here" (the iframe
 * request, where the browser enforces frame-ancestors instead).
 */
export async function resolveWidgetKey(key: string | null, origin: string | null | "unchecked"): Promise<WidgetKey> {
  if (!key) throw new WidgetRefusal("missing_key", "Dexra widget: the script tag has no data-dexra-key attribute");
  let authenticated;
  try {
    authenticated = await authenticateKey(new Request("http://widget.local/", { headers: { authorization: `Bearer ${key}` } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new WidgetRefusal("invalid_key", `Dexra widget: the key ${key.slice(0, 16)}… is unknown or revoked`);
    }
    throw error;
  }
  if (authenticated.kind !== "client") {
    throw new WidgetRefusal("wrong_key_kind", "Dexra widget: this is a secret server key (sk_…); the widget needs a publishable client key (pk_…). Revoke the exposed key.");
  }
  const config = await getWidgetConfig(authenticated.orgId);
  if (origin !== "unchecked" && !isOriginAllowed(config.allowed_domains, origin)) {
    throw new WidgetRefusal("origin_not_allowed", `Dexra widget: this page's origin (${origin ?? "unknown"}) is not in the widget's allowed domains (Settings → Widget)`);
  }
  return { orgId: authenticated.orgId, isTest: authenticated.prefix.startsWith("pk_test_"), config };
}

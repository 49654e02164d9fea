import { useEffect } from "react";

type Identity = { email: string; user_hash: string } | { user_jwt: string };

export type DexraChatProps = {
  /** Where Dexra runs: the widget loads from `${appUrl}/widget.js`. */
  appUrl: string;
  /** A publishable key, `pk_live_…` or `pk_test_…`. */
  clientKey: string;
  /** A verified visitor (computed on your server), plus any profile fields. */
  user?: Identity & { first_name?: string; last_name?: string; custom_attributes?: Record<string, unknown> };
};

type DexraApi = ((...args: unknown[]) => void) & { q?: unknown[][] };
declare global {
  interface Window {
    Dexra?: DexraApi;
  }
}

const SCRIPT_ID = "dexra-widget-loader";

/**
 * The Dexra chat widget as a React component: adds the loader script once (with `data-dexra-key`), queues calls
 * made before it loads (the documented `window.Dexra` stub), identifies the visitor when `user` changes, and
 * forgets them (`reset`) when the component unmounts.
 */
export function DexraChat({ appUrl, clientKey, user }: DexraChatProps) {
  useEffect(() => {
    const w = window;
    w.Dexra = w.Dexra || (Object.assign((...args: unknown[]) => (w.Dexra!.q = w.Dexra!.q || []).push(args), {}) as DexraApi);
    if (document.getElementById(SCRIPT_ID)) return;
    const script = document.createElement("script");
    script.id = SCRIPT_ID;
    script.src = `${appUrl.replace(/\/$/, "")}/widget.js`;
    script.async = true;
    script.dataset.dexraKey = clientKey;
    document.body.appendChild(script);
  }, [appUrl, clientKey]);

  const identity = user ? JSON.stringify(user) : null;
  useEffect(() => {
    if (!identity) return;
    window.Dexra?.("identify", JSON.parse(identity));
    return () => window.Dexra?.("reset");
  }, [identity]);

  return null;
}

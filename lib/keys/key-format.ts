import { randomToken, sha256 } from "../crypto";

export type KeyKind = "server" | "client";

const KIND_PREFIX: Record<KeyKind, string> = { server: "sk", client: "pk" };

/** A new raw key (`sk_live_…`), the visible prefix kept to identify it, and the hash stored instead of it. */
export function generateKey(kind: KeyKind, isTest: boolean) {
  const head = `${KIND_PREFIX[kind]}_${isTest ? "test" : "live"}_`;
  const secret = randomToken(24).replace(/[-_]/g, "x");
  const key = head + secret;
  return { key, prefix: head + secret.slice(0, 8), keyHash: sha256(key) };
}

export const KEY_SHAPE = /^(sk|pk)_(live|test)_[A-Za-z0-9]{32}$/;

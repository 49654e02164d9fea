import { createHmac } from "node:crypto";
import { errors as joseErrors, jwtVerify } from "jose";
import type { Actor } from "../context";
import { safeEqual } from "../crypto";
import { findAnonymousEndUser, identifyEndUser, type VerifiedIdentity } from "../end-users/identify-end-user";
import { ApiError } from "../errors";
import type { AuthenticatedKey } from "./authenticate-key";
import { assertSafeInput } from "./json-guard";

/** The identity fields a client-key request may carry in its JSON body; the wrapper removes them before validation. */
export const IDENTITY_BODY_FIELDS = ["user_hash", "user_jwt"] as const;

const unverified = (message: string) => new ApiError("unauthorized", message);

export type IdentityInput = { email?: string; hash?: string; jwt?: string; token?: string };

/** Reads identity from the body fields or the X-Dexra-User-* headers. */
export function readIdentity(request: Request, body: Record<string, unknown> | undefined): IdentityInput {
  const pick = (field: string, header: string) => {
    const value = body?.[field] ?? request.headers.get(header) ?? undefined;
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    email: pick("user_email", "x-dexra-user-email"),
    hash: pick("user_hash", "x-dexra-user-hash"),
    jwt: pick("user_jwt", "x-dexra-user-jwt"),
    token: request.headers.get("x-dexra-user-token") ?? undefined,
  };
}

const hmacHex = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

async function verifyJwt(jwt: string, secrets: string[]): Promise<VerifiedIdentity> {
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(jwt, new TextEncoder().encode(secret), { algorithms: ["HS256"], requiredClaims: ["exp"] });
      // Signed is not sane: the claims become rows and jsonb, so they pass the same guard as a body.
      assertSafeInput(payload, "user_jwt");
      const email = typeof payload.email === "string" ? payload.email.trim() : undefined;
      const externalId = typeof payload.external_id === "string" ? payload.external_id : undefined;
      if (!email && !externalId) throw unverified("user_jwt needs an email or external_id claim");
      const attributes = payload.custom_attributes;
      return {
        email,
        externalId,
        name: typeof payload.name === "string" ? payload.name : undefined,
        customAttributes: attributes && typeof attributes === "object" && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : undefined,
      };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) throw unverified("user_jwt is invalid or expired");
    }
  }
  throw unverified("user_jwt is invalid or expired");
}

/**
 * The end user a client-key request acts as, or null when it carries no identity at all.
 * An email without a valid hash is refused: a publishable key alone must never let anyone act as someone.
 */
export async function resolveClientActor(key: AuthenticatedKey, input: IdentityInput): Promise<Actor | null> {
  let user;
  if (input.jwt) user = await identifyEndUser(key.orgId, await verifyJwt(input.jwt, key.identitySecrets));
  else if (input.email || input.hash) {
    const email = input.email;
    if (!email || !input.hash) throw unverified("user_email and user_hash must be sent together");
    if (!key.identitySecrets.some((secret) => safeEqual(hmacHex(secret, email), input.hash!.toLowerCase()))) {
      throw unverified("user_hash does not match user_email");
    }
    user = await identifyEndUser(key.orgId, { email });
  } else if (input.token) {
    user = await findAnonymousEndUser(key.orgId, input.token);
    if (!user) throw unverified("X-Dexra-User-Token is invalid");
  } else return null;
  return { type: "end_user", id: user.id, name: user.email ?? "Anonymous visitor" };
}

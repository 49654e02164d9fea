import type { EndUser } from "@/db/schema";

/** The public shape of an end user (the anonymous token hash never leaves the database). */
export function serializeEndUser(u: EndUser) {
  return {
    id: u.id,
    email: u.email,
    first_name: u.firstName,
    last_name: u.lastName,
    external_id: u.externalId,
    custom_attributes: u.customAttributes,
    anonymous: u.isAnonymous,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  };
}
export type EndUserJson = ReturnType<typeof serializeEndUser>;

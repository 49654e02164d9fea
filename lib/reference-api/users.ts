import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { updateEndUser } from "../end-users/update-end-user";
import { v1UpdateUserSchema, type V1UpdateUserInput } from "./schemas";

/** Our id, else the id in the customer's system (`external_id`); never creates. */
async function resolveEndUserId(ctx: Ctx, id: string) {
  const [found] = await rows<{ id: string }>(sql`
    select id from end_users where organization_id = ${ctx.orgId}
      and (${isUuid(id) ? sql`id = ${id}::uuid or` : sql``} external_id = ${id})
    order by (external_id = ${id}) nulls first limit 1`);
  if (!found) throw notFound("User");
  return found.id;
}

/** `PATCH /v1/users/:id`: email and custom attributes (merged; null deletes a key); answers with the id the caller used. */
export async function updateV1User(ctx: Ctx, id: string, input: V1UpdateUserInput) {
  const params = v1UpdateUserSchema.parse(input);
  const user = await updateEndUser(ctx, await resolveEndUserId(ctx, id), params);
  return { id, email: user.email, custom_attributes: user.custom_attributes };
}

import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { mergeAttributes, validateCustomAttributes } from "../custom-attributes/validate";
import { ApiError } from "../errors";
import { emitEvent } from "../events/record";
import { getEndUserRowOrThrow } from "./end-users";
import { updateEndUserSchema, type UpdateEndUserInput } from "./schemas";
import { serializeEndUser } from "./serialize";

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/** PATCH an end user: present fields change, custom_attributes merge (null deletes a key); emits user_updated. */
export async function updateEndUser(ctx: Ctx, id: string, input: UpdateEndUserInput) {
  const params = updateEndUserSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const current = await getEndUserRowOrThrow(ctx, id, tx, true);
      const changes: Partial<typeof endUsers.$inferInsert> = {};
      if (params.email !== undefined) changes.email = params.email;
      if (params.first_name !== undefined) changes.firstName = params.first_name;
      if (params.last_name !== undefined) changes.lastName = params.last_name;
      if (params.external_id !== undefined) changes.externalId = params.external_id;
      if (params.custom_attributes) {
        await validateCustomAttributes(tx, ctx, "end_user", params.custom_attributes);
        changes.customAttributes = mergeAttributes(current.customAttributes, params.custom_attributes);
      }
      if (Object.keys(changes).length === 0) return serializeEndUser(current);
      const [row] = await tx
        .update(endUsers)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, id)))
        .returning();
      const user = serializeEndUser(row!);
      await emitEvent(tx, ctx, "user_updated", { user, changes: params });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", "another user already has this email or external_id");
    throw error;
  }
}

import { z } from "zod";
import { emailSchema } from "../agents/schemas";
import { customAttributesPatchSchema, paginationQuerySchema } from "../conversations/schemas";

const nameSchema = z.string().trim().max(200).nullable();

export const updateEndUserSchema = z.strictObject({
  email: emailSchema.nullable().optional(),
  first_name: nameSchema.optional(),
  last_name: nameSchema.optional(),
  external_id: z.string().trim().min(1).max(200).nullable().optional(),
  custom_attributes: customAttributesPatchSchema.optional(),
});
export type UpdateEndUserInput = z.input<typeof updateEndUserSchema>;

export const listEndUsersQuerySchema = paginationQuerySchema.extend({
  email: emailSchema.optional(),
  external_id: z.string().trim().min(1).max(200).optional(),
});
export type ListEndUsersQuery = z.input<typeof listEndUsersQuerySchema>;

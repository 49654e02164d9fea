import { z } from "zod";
import { emailSchema } from "../agents/schemas";

/** A channel's address must be a plain mailbox: the `+token` sub-address is ours to add on replies. */
export const channelAddressSchema = emailSchema.refine((a) => !a.split("@")[0]!.includes("+"), "address cannot contain '+' (reply tokens use it)");

export const createChannelSchema = z.strictObject({
  type: z.literal("email", { error: "type must be \"email\"" }).default("email"),
  address: channelAddressSchema,
  name: z.string().trim().min(1, "name is required").max(200),
});
export type CreateChannelInput = z.input<typeof createChannelSchema>;

export const channelResponseSchema = z.object({
  id: z.uuid(),
  type: z.literal("email"),
  address: z.string(),
  name: z.string(),
  is_default: z.boolean(),
  created_at: z.string(),
});

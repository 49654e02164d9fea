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
  status: z.enum(["pending", "verified"]).meta({ description: "`pending` until the address is proven: no mail is received from or sent to it" }),
  verified_at: z.string().nullable(),
  verification: z
    .object({ sent_at: z.string().nullable(), expires_at: z.string().nullable(), error: z.string().nullable() })
    .nullable()
    .meta({ description: "For a pending channel: when the verification mail went out, until when its code is good, and why it failed" }),
  created_at: z.string(),
});

/** The code from a channel's verification mail (`DXV-` and 20 hex digits; case and spaces forgiven). */
export const verifyChannelSchema = z.strictObject({
  code: z.string().trim().min(1, "code is required").max(100),
});

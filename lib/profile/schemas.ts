import { passwordSchema } from "../agents/schemas";
import { z } from "zod";
import { createCannedReplySchema } from "../canned-replies/schemas";

export const AVAILABILITY = ["online", "away", "offline"] as const;

export const updateProfileSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters"),
  signature: z.string().trim().max(1_000, "at most 1,000 characters").transform((s) => s || null),
});

export const availabilitySchema = z.object({ availability: z.enum(AVAILABILITY, "pick online, away or offline") });

export const notificationPrefsSchema = z.object({
  // A checkbox: present ("on") when ticked.
  desktop_mine: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true"),
});

export const changePasswordSchema = z
  .object({
    current_password: z.string().min(1, "enter your current password"),
    new_password: passwordSchema,
    confirm_password: z.string(),
  })
  .refine((p) => p.new_password === p.confirm_password, { message: "the two new passwords differ", path: ["confirm_password"] });

// Personal canned replies take the organization's shape, always owned by the agent.
export const personalCannedReplySchema = createCannedReplySchema.omit({ shared: true });
export const deletePersonalCannedReplySchema = z.object({ id: z.uuid() });

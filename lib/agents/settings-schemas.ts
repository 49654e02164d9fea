import { z } from "zod";
import { uuidSchema } from "../settings/parse";
import { agentRoleSchema, emailSchema, passwordSchema } from "./schemas";

export const INVITATION_LIFETIMES = [
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
] as const;

export const inviteAgentSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, "at most 200 characters").optional().transform((v) => v || undefined),
  role: agentRoleSchema,
  expiresInHours: z.coerce.number().refine((h) => INVITATION_LIFETIMES.some((l) => l.hours === h), "choose how long the link stays valid").default(72),
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10, "the invitation link is incomplete").max(200),
    name: z.string().trim().min(1, "your name is required").max(200, "at most 200 characters"),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "the passwords do not match" });

export const agentIdSchema = z.object({ id: uuidSchema });
export const changeRoleSchema = z.object({ id: uuidSchema, role: agentRoleSchema });

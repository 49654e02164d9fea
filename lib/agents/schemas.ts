import { z } from "zod";

export const agentRoleSchema = z.enum(["owner", "admin", "agent"]);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "a valid email is required" }));
export const passwordSchema = z.string().min(8, "password must be at least 8 characters").max(200);

export const createAgentSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema,
  role: agentRoleSchema.default("agent"),
});
export type CreateAgentInput = z.input<typeof createAgentSchema>;

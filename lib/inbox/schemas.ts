import { z } from "zod";

// Views are the sidebar entries; team and tag views carry the team or tag id.
export const viewSchema = z.union([
  z.enum(["mine", "unassigned", "open", "pending", "snoozed", "closed", "all", "sla_at_risk"]),
  z.string().regex(/^(team|tag):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "unknown view"),
]);
export type InboxView = z.infer<typeof viewSchema>;

export const sortSchema = z.enum(["newest", "oldest", "priority", "due"]);
export type InboxSort = z.infer<typeof sortSchema>;

export const listQuerySchema = z.object({
  view: viewSchema.default("open"),
  sort: sortSchema.default("newest"),
  q: z.string().trim().max(200).optional().transform((q) => q || undefined),
  priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListQuery = z.input<typeof listQuerySchema>;

// The composer's "Send and set pending" / "Send and resolve": the status change commits with the reply.
export const thenStatusSchema = z.enum(["pending", "resolved"]);
export type ThenStatus = z.infer<typeof thenStatusSchema>;

import { z } from "zod";

export const rateConversationSchema = z.strictObject({
  score: z.number({ error: "score must be a number from 1 to 5" }).int().min(1, "score must be from 1 to 5").max(5, "score must be from 1 to 5"),
  comment: z.string().trim().max(2000).optional(),
});
export type RateConversationInput = z.input<typeof rateConversationSchema>;

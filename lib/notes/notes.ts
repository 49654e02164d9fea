import { z } from "zod";
import { emailSchema } from "../agents/schemas";
import type { Ctx } from "../context";
import { messageBodySchema } from "../conversations/schemas";
import { createMessage } from "../messages/create-message";
import { listMessages } from "../messages/list-messages";

export const createNoteSchema = z.strictObject({
  body: messageBodySchema,
  user_email: emailSchema.optional().describe("The agent writing it; without it the note is the organization's API identity's"),
});

/** A conversation's private notes, oldest first (the same messages `…/messages/` lists, notes only). */
export async function listNotes(ctx: Ctx, conversationId: string) {
  const { results } = await listMessages(ctx, conversationId);
  const notes = results.filter((m) => m.message_type === "note");
  return { count: notes.length, results: notes };
}

/** A private note: written by an agent (`user_email`) or the API identity; emits `note_created`. */
export function createNote(ctx: Ctx, conversationId: string, input: z.output<typeof createNoteSchema>) {
  return createMessage(ctx, conversationId, { body: input.body, user_email: input.user_email, message_type: "note" }, { asApi: true });
}

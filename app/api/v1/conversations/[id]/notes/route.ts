import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createNote, createNoteSchema, listNotes } from "@/lib/notes/notes";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await listNotes(ctx, params.id)), { keys: ["server"] });

export const POST = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await createNote(ctx, params.id, createNoteSchema.parse(body)), 201), {
  keys: ["server"],
});

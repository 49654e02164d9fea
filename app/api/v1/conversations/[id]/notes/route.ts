import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createNote, createNoteSchema, listNotes } from "@/lib/notes/notes";

type Params = { id: string };

const handleGET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await listNotes(ctx, params.id)), { keys: ["server"] });

const handlePOST = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await createNote(ctx, params.id, createNoteSchema.parse(body)), 201), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });

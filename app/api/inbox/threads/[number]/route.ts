import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { getInboxThread } from "@/lib/inbox/get-thread";
import { withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

const numberSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const GET = withAgent<{ number: string }>(async (_request, session, params) =>
  Response.json(await getInboxThread(session.ctx, numberSchema.parse(params.number))),
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");

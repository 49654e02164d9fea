import { z } from "zod";
import { getInboxThread } from "@/lib/inbox/get-thread";
import { withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

const numberSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const GET = withAgent<{ number: string }>(async (_request, session, params) =>
  Response.json(await getInboxThread(session.ctx, numberSchema.parse(params.number))),
);

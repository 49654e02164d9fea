import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { listActivity } from "@/lib/conversations/list-activity";
import { withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

export const GET = withAgent<{ id: string }>(async (_request, session, params) => Response.json(await listActivity(session.ctx, z.uuid().parse(params.id))));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");

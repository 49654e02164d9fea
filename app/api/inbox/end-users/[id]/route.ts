import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { updateEndUser } from "@/lib/end-users/update-end-user";
import { getRequesterProfile } from "@/lib/inbox/get-requester";
import { readJson, withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

export const GET = withAgent<{ id: string }>(async (request, session, params) => {
  const except = new URL(request.url).searchParams.get("except") ?? "00000000-0000-0000-0000-000000000000";
  return Response.json(await getRequesterProfile(session.ctx, z.uuid().parse(params.id), z.uuid().parse(except)));
});

const attributesSchema = z.strictObject({ custom_attributes: z.record(z.string(), z.json().nullable()) });

export const PATCH = withAgent<{ id: string }>(async (request, session, params) =>
  Response.json(await updateEndUser(session.ctx, z.uuid().parse(params.id), attributesSchema.parse(await readJson(request)))),
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, DELETE } = refuseOtherMethods("GET", "PATCH");

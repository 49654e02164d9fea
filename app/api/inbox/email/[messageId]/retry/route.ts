import { refuseOtherMethods } from "@/lib/api/api-route";
import { withAgent } from "@/lib/inbox/route";
import { retryEmailDelivery } from "@/lib/channels/outbound-queue";

// The inbox's Retry on a failed outbound mail: queued again now, for the agent's organization only.
export const POST = withAgent<{ messageId: string }>(async (_request, session, params) => Response.json(await retryEmailDelivery(session.ctx.orgId, params.messageId)));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");

import { describe, expect, it } from "vitest";
import { findRouteFiles } from "../api/testing/route-modules";
import { activityResponseSchema, conversationResponseSchema, messageResponseSchema, ratingResponseSchema } from "../conversations/openapi";
import { createConversation } from "../conversations/create-conversation";
import { listActivity } from "../conversations/list-activity";
import { endUserResponseSchema } from "../end-users/openapi";
import { getEndUser } from "../end-users/end-users";
import { listMessages } from "../messages/list-messages";
import { rateConversation } from "../ratings/rate-conversation";
import { createTestOrg } from "../testing/test-org";
import { buildOpenApiDocument } from "./document";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes every route file under app/api/v1 and app/v1", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    // /v1 is documented as the seed writes it (no trailing slash); both forms answer.
    const described = Object.keys(document.paths ?? {}).map((p) => (p.startsWith("/v1/") ? `${p}/` : p));
    const routes = findRouteFiles()
      .map((r) => r.pattern.replace(/\[(\w+)\]/g, "{$1}"))
      .filter((p) => p !== "/api/v1/openapi.json/");
    for (const route of routes) expect(described, `${route} is not in the OpenAPI document`).toContain(route);
  });

  it("its response schemas match what the serializers produce", async () => {
    const { ctx } = await createTestOrg();
    const { conversation } = await createConversation(ctx, { subject: "Shape", user_email: "s@example.test", description: "hi" });
    expect(() => conversationResponseSchema.parse(conversation)).not.toThrow();
    for (const m of (await listMessages(ctx, conversation.id)).results) messageResponseSchema.parse(m);
    ratingResponseSchema.parse(await rateConversation(ctx, conversation.id, { score: 3 }));
    for (const a of (await listActivity(ctx, conversation.id)).results) activityResponseSchema.parse(a);
    endUserResponseSchema.parse(await getEndUser(ctx, conversation.requester.id));
  });
});

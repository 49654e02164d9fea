import { describe, expect, it } from "vitest";
import { isImplemented } from "../api/api-route";
import { findRouteFiles, METHODS } from "../api/testing/route-modules";
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

  it("describes every method each route file answers, and no method it does not", async () => {
    const document = buildOpenApiDocument();
    const missing: string[] = [];
    const extra: string[] = [];
    for (const route of findRouteFiles().filter((r) => r.pattern !== "/api/v1/openapi.json/")) {
      const path = route.pattern.replace(/\[(\w+)\]/g, "{$1}");
      const item = (document.paths?.[path] ?? document.paths?.[path.replace(/\/$/, "")] ?? {}) as Record<string, unknown>;
      const module = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const answers = isImplemented(module[method]);
        const described = method.toLowerCase() in item;
        if (answers && !described) missing.push(`${method} ${path}`);
        if (!answers && described) extra.push(`${method} ${path}`);
      }
    }
    // Dixa's claim takes PUT or POST: one operation on /docs, whose description names the other method.
    const claim = document.paths?.["/api/v1/conversations/{id}/claim/"]?.put?.description ?? "";
    expect(claim).toContain("`POST` is accepted too");
    expect(missing.filter((m) => m !== "POST /api/v1/conversations/{id}/claim/"), "answered but not in the OpenAPI document").toEqual([]);
    expect(extra, "in the OpenAPI document but answered 405").toEqual([]);
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

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { endUsers } from "@/db/schema";
import { createTestOrg } from "../testing/test-org";
import { getConversation } from "../conversations/scope";
import { sendMessage } from "./send-message";

describe("send-message recipients", () => {
  it("our id wins over another end user whose external id is that same string", async () => {
    const { ctx, orgId } = await createTestOrg();
    const targetId = randomUUID();
    // Stored first (so a plain scan meets it first), carrying the target's id as its own external id.
    await db.insert(endUsers).values({ organizationId: orgId, email: "lookalike@example.test", externalId: targetId });
    const [target] = await db.insert(endUsers).values({ id: targetId, organizationId: orgId, email: "target@example.test" }).returning();
    for (let i = 0; i < 3; i++) {
      const sent = await sendMessage(ctx, { channel: "web", recipient_id: target!.id, text: `Hello ${i}` });
      expect((await getConversation(ctx, sent.conversation_id)).requester?.email).toBe("target@example.test");
    }
  });
});

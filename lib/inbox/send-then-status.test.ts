import { describe, expect, it } from "vitest";
import { loadAgentSession } from "../auth/agent-session";
import { createConversation } from "../conversations/create-conversation";
import { listActivity } from "../conversations/list-activity";
import { getConversation } from "../conversations/scope";
import { createMessage } from "../messages/create-message";
import { listMessages } from "../messages/list-messages";
import { createTestOrg } from "../testing/test-org";

async function setup(subject: string) {
  const org = await createTestOrg();
  const session = (await loadAgentSession(org.owner.id, 0, false))!;
  const { conversation } = await createConversation(org.ctx, { subject });
  return { ...org, session, conversation };
}

const reply = (session: NonNullable<Awaited<ReturnType<typeof loadAgentSession>>>, body: string, type: "reply" | "note" = "reply") =>
  ({ body, message_type: type, user_email: session.agent.email.toLowerCase() });

describe("createMessage with thenStatus (the composer's Send and …)", () => {
  it("sends the reply and sets pending, with one status_changed row", async () => {
    const { ctx, session, conversation } = await setup("Pending after reply");
    await createMessage(session.ctx, conversation.id, reply(session, "Waiting on you"), { thenStatus: "pending" });
    expect((await getConversation(ctx, conversation.id)).status).toBe("pending");
    const log = await listActivity(ctx, conversation.id);
    expect(log.results.filter((x) => x.action === "status_changed")).toHaveLength(1);
  });

  it("resolves through the resolve rule (status closed, resolved_at set)", async () => {
    const { ctx, session, conversation } = await setup("Resolve after reply");
    await createMessage(session.ctx, conversation.id, reply(session, "All done"), { thenStatus: "resolved" });
    const after = await getConversation(ctx, conversation.id);
    expect(after.status).toBe("closed");
    expect(after.resolved_at).toBeTruthy();
  });

  it("refuses a note with a status, and neither the note nor the status change is kept", async () => {
    const { ctx, session, conversation } = await setup("Note cannot resolve");
    await expect(createMessage(session.ctx, conversation.id, reply(session, "internal", "note"), { thenStatus: "resolved" })).rejects.toMatchObject({ status: 400 });
    expect((await getConversation(ctx, conversation.id)).status).toBe("open");
    const messages = await listMessages(ctx, conversation.id);
    expect(JSON.stringify(messages)).not.toContain("internal");
  });
});

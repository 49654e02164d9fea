import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { createConversation } from "../conversations/create-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { createTestOrg } from "../testing/test-org";
import { getRetention, runRetention, updateRetention } from "./retention";

const NOW = new Date("2031-06-15T12:00:00Z");

async function closedAt(org: Awaited<ReturnType<typeof createTestOrg>>, subject: string, resolvedAt: string, tags: string[] = []) {
  const { conversation } = await createConversation(org.ctx, { subject, user_email: `${subject.toLowerCase().replace(/\W/g, "")}@example.test`, description: `${subject} body` });
  await updateConversation(org.ctx, conversation.id, { status: "closed", tags });
  await rows(sql`update conversations set resolved_at = ${resolvedAt}::timestamptz where id = ${conversation.id}`);
  return conversation.id;
}

const subjects = async (orgId: string) =>
  Object.fromEntries((await rows<{ id: string; subject: string }>(sql`select id, subject from conversations where organization_id = ${orgId}`)).map((r) => [r.id, r.subject]));

describe("retention: anonymize closed conversations after N days", () => {
  it("is off by default; then anonymizes only closed conversations past the limit, never legal-hold, once across concurrent runs", async () => {
    const org = await createTestOrg();
    expect(await getRetention(org.ctx)).toEqual({ anonymize_closed_after_days: null });
    const old = await closedAt(org, "Old one", "2031-05-01T00:00:00Z");
    const held = await closedAt(org, "Held one", "2031-05-01T00:00:00Z", ["Legal-Hold"]);
    const recent = await closedAt(org, "Recent one", "2031-06-10T00:00:00Z");
    const { conversation: open } = await createConversation(org.ctx, { subject: "Open one", user_email: "open@example.test" });
    await rows(sql`update conversations set created_at = '2030-01-01' where id = ${open.id}`);

    await runRetention(NOW, [org.orgId]);
    expect(Object.values(await subjects(org.orgId)).sort()).toEqual(["Held one", "Old one", "Open one", "Recent one"]);

    await updateRetention(org.ctx, { anonymize_closed_after_days: "30" });
    expect(await getRetention(org.ctx)).toEqual({ anonymize_closed_after_days: 30 });
    // Several workers at once: each conversation is anonymized exactly once.
    await Promise.all([runRetention(NOW, [org.orgId]), runRetention(NOW, [org.orgId]), runRetention(NOW, [org.orgId])]);
    const after = await subjects(org.orgId);
    expect(after[old]).toBe("[anonymized]");
    expect(after[held]).toBe("Held one");
    expect(after[recent]).toBe("Recent one");
    expect(after[open.id]).toBe("Open one");
    const [events] = await rows<{ n: number }>(sql`select count(*)::int as n from events where organization_id = ${org.orgId} and type = 'conversation_anonymized'`);
    expect(events!.n).toBe(1);
    // Audited once, as the system (no person or key asked for it).
    const audits = await rows<{ action: string; target_id: string; actor_name: string; data: unknown }>(
      sql`select action, target_id::text, actor_name, data from audit_logs where organization_id = ${org.orgId} and action = 'conversation.anonymized'`,
    );
    expect(audits).toEqual([{ action: "conversation.anonymized", target_id: old, actor_name: "Dexra", data: { reason: "retention", sandbox: false } }]);
    const [body] = await rows<{ body: string }>(sql`select body from messages where conversation_id = ${old}`);
    expect(body!.body).toBe("[anonymized]");

    // Ten days later the recent one is due as well.
    await runRetention(new Date("2031-07-11T00:00:00Z"), [org.orgId]);
    expect((await subjects(org.orgId))[recent]).toBe("[anonymized]");
    await updateRetention(org.ctx, { anonymize_closed_after_days: "" });
    expect(await getRetention(org.ctx)).toEqual({ anonymize_closed_after_days: null });
  });

  it("only admins (or server keys) change the setting; bad values are refused", async () => {
    const org = await createTestOrg();
    await expect(updateRetention({ ...org.ctx, actor: { ...org.ctx.actor, role: "agent" } as never }, { anonymize_closed_after_days: 5 })).rejects.toThrow();
    await expect(updateRetention(org.ctx, { anonymize_closed_after_days: 0 })).rejects.toThrow(/at least 1 day/);
    await expect(updateRetention(org.ctx, { anonymize_closed_after_days: "abc" })).rejects.toThrow();
  });
});

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { createVerifiedChannel } from "../testing/verified-channel";
import { receiveEmail } from "../channels/receive-email";
import { composeMail } from "../testing/smtp-catcher";
import { createTestOrg } from "../testing/test-org";
import { anonymizeConversationEmail } from "../channels/anonymize-email";
import { deleteConversationAttachments, pruneOrphanAttachments } from "./attachments";
import { drainFileDeletions } from "./file-deletions";
import { fileStore } from "./store";

describe("deleteConversationAttachments", () => {
  it("removes a conversation's files from the store and their rows, and nothing of another conversation", async () => {
    const org = await createTestOrg();
    const address = `files-${randomUUID().slice(0, 8)}@acme.test`;
    await createVerifiedChannel(org.ctx, { type: "email", address, name: "Files" });
    const mail = (n: number) => composeMail({ from: "kim@c.test", to: address, subject: `Files ${n}`, text: "see attached", attachments: [{ filename: `a${n}.txt`, content: `hello ${n}` }] });
    const [first] = await receiveEmail(await mail(1));
    const [second] = await receiveEmail(await mail(2));
    const keysOf = (conversationId: string) => rows<{ storage_key: string }>(sql`select storage_key from attachments where conversation_id = ${conversationId}`);
    const firstKeys = await keysOf(first!.conversationId);
    expect(firstKeys).toHaveLength(2); // the file and the original .eml
    const removed = await deleteConversationAttachments(org.orgId, first!.conversationId);
    expect(removed).toEqual({ deleted: 2, storageKeys: expect.arrayContaining(firstKeys.map((k) => k.storage_key)) });
    // The rows went; the bytes go when the queued deletions are drained (after the caller's commit).
    for (const k of firstKeys) expect(await fileStore().get(k.storage_key)).not.toBeNull();
    expect(await drainFileDeletions({ storageKeys: removed.storageKeys })).toEqual({ deleted: 2, failed: 0 });
    for (const k of firstKeys) expect(await fileStore().get(k.storage_key)).toBeNull();
    expect(await keysOf(first!.conversationId)).toHaveLength(0);
    const kept = await keysOf(second!.conversationId);
    expect(kept).toHaveLength(2);
    expect((await fileStore().get(kept[0]!.storage_key))).not.toBeNull();
    // Another organization cannot delete them.
    const other = await createTestOrg();
    expect(await deleteConversationAttachments(other.orgId, second!.conversationId)).toEqual({ deleted: 0, storageKeys: [] });
  });

  it("prunes uploads never attached to a message once they are old", async () => {
    const org = await createTestOrg();
    await fileStore().put(`${org.orgId}/old`, Buffer.from("x"), "text/plain");
    await rows(sql`insert into attachments (organization_id, filename, content_type, size, storage_key, created_at)
      values (${org.orgId}, 'old.txt', 'text/plain', 1, ${`${org.orgId}/old`}, now() - interval '2 days')`);
    expect(await pruneOrphanAttachments()).toBeGreaterThanOrEqual(1);
    expect(await drainFileDeletions({ storageKeys: [`${org.orgId}/old`] })).toEqual({ deleted: 1, failed: 0 });
    expect(await fileStore().get(`${org.orgId}/old`)).toBeNull();
  });

  it("anonymizing a conversation's email removes its files and the addresses and subjects kept with its mail", async () => {
    const org = await createTestOrg();
    const address = `anon-${randomUUID().slice(0, 8)}@acme.test`;
    await createVerifiedChannel(org.ctx, { type: "email", address, name: "Anon" });
    const [got] = await receiveEmail(await composeMail({ from: "lee@c.test", to: address, cc: "boss@c.test", subject: "Private matter", text: "secret", attachments: [{ filename: "id.txt", content: "passport" }] }));
    expect(await anonymizeConversationEmail(org.orgId, got!.conversationId)).toMatchObject({ deleted: 2 });
    const [mail] = await rows<{ from_address: string | null; cc_addresses: string[]; subject: string }>(sql`select from_address, cc_addresses, subject from email_messages where conversation_id = ${got!.conversationId}`);
    expect(mail).toEqual({ from_address: null, cc_addresses: [], subject: "[anonymized]" });
    const [thread] = await rows<{ cc: string[]; subject: string }>(sql`select cc, subject from email_threads where conversation_id = ${got!.conversationId}`);
    expect(thread).toEqual({ cc: [], subject: "[anonymized]" });
  });
});

import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { pruneExpiredRows } from "../api/prune-tables";
import { createConversation } from "../conversations/create-conversation";
import { anonymizeConversation } from "../privacy/anonymize";
import { createTestOrg } from "../testing/test-org";
import { deleteConversationAttachments, insertAttachment, storeFile } from "./attachments";
import { drainFileDeletions } from "./file-deletions";
import type { FileStore } from "./file-store";
import { fileStore, replaceFileStore } from "./store";

// A second connection, outside the code under test: it sees only what has been committed.
const observer = postgres(process.env.DATABASE_URL!, { max: 1 });
afterAll(() => observer.end());
afterEach(() => replaceFileStore(undefined));

async function conversationWithFile(org: Awaited<ReturnType<typeof createTestOrg>>) {
  const { conversation } = await createConversation(org.ctx, { subject: "Files", description: "see file", user_email: `f-${Date.now()}@c.test` });
  const file = await storeFile(org.orgId, { filename: "passport.txt", content: Buffer.from("passport"), contentType: "text/plain" });
  await insertAttachment(db, org.orgId, file, { conversationId: conversation.id });
  return { conversationId: conversation.id, storageKey: file.storageKey };
}
const queued = (key: string) => rows<{ last_error: string | null }>(sql`select last_error from file_deletions where storage_key = ${key}`);

describe("file bytes are deleted after commit, from a durable queue", () => {
  it("a rollback keeps the file: its row, its bytes, and no queued deletion", async () => {
    const org = await createTestOrg();
    const { conversationId, storageKey } = await conversationWithFile(org);
    await expect(
      db.transaction(async (tx) => {
        expect((await deleteConversationAttachments(org.orgId, conversationId, tx)).storageKeys).toEqual([storageKey]);
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(await rows(sql`select 1 from attachments where storage_key = ${storageKey}`)).toHaveLength(1);
    expect(await queued(storageKey)).toHaveLength(0);
    await drainFileDeletions();
    expect((await fileStore().get(storageKey))?.toString()).toBe("passport");
  });

  it("anonymization touches no bytes inside its transaction: the store is called only once the change is committed", async () => {
    const org = await createTestOrg();
    const { conversationId, storageKey } = await conversationWithFile(org);
    const real = fileStore();
    const seenAtDelete: { rowVisible: number; anonymized: boolean }[] = [];
    const watching: FileStore = {
      ...real,
      async delete(key) {
        const [row] = await observer`select count(*)::int as n, (select anonymized_at is not null from conversations where id = ${conversationId}) as anonymized
          from attachments where storage_key = ${key}`;
        seenAtDelete.push({ rowVisible: row!.n, anonymized: row!.anonymized });
        await real.delete(key);
      },
    };
    replaceFileStore(watching);
    await anonymizeConversation(org.ctx, conversationId, { force: true });
    // Called after commit: another connection already saw the row gone and the conversation anonymized.
    expect(seenAtDelete).toEqual([{ rowVisible: 0, anonymized: true }]);
    expect(await real.get(storageKey)).toBeNull();
    expect(await queued(storageKey)).toHaveLength(0);
  });

  it("a slow or failing store neither fails nor holds the anonymization; the prune job deletes the bytes later", async () => {
    const org = await createTestOrg();
    const { conversationId, storageKey } = await conversationWithFile(org);
    const real = fileStore();
    replaceFileStore({ ...real, delete: async () => Promise.reject(new Error("store unavailable")) });
    expect(await anonymizeConversation(org.ctx, conversationId, { force: true })).toEqual({ status: "done" });
    expect(await queued(storageKey)).toEqual([{ last_error: "store unavailable" }]);
    expect(await real.get(storageKey)).not.toBeNull();

    replaceFileStore(real);
    await rows(sql`update file_deletions set next_attempt_at = now() where storage_key = ${storageKey}`);
    await rows(sql`update job_runs set last_run_at = now() - interval '1 day' where name = 'prune-expired-rows'`);
    const removed = await pruneExpiredRows();
    expect(removed!.stored_files).toBeGreaterThanOrEqual(1);
    expect(await real.get(storageKey)).toBeNull();
    expect(await queued(storageKey)).toHaveLength(0);
  });
});

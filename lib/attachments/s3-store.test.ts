import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOrg } from "../testing/test-org";
import { deleteConversationAttachments, insertAttachment, storeFile } from "./attachments";
import { downloadAttachment } from "./download";
import { drainFileDeletions } from "./file-deletions";
import { resetFileStore } from "./store";
import { db } from "@/db/client";
import { createConversation } from "../conversations/create-conversation";

// A real S3-compatible server (s3rver, on loopback) behind the same FileStore the app uses.
let server: S3rver;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-s3-"));
beforeAll(async () => {
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "dexra-test", configs: [] }] });
  const { port } = await server.run();
  Object.assign(process.env, {
    DEXRA_S3_BUCKET: "dexra-test",
    DEXRA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    DEXRA_S3_ACCESS_KEY_ID: "S3RVER",
    DEXRA_S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  resetFileStore();
});
afterAll(async () => {
  delete process.env.DEXRA_S3_BUCKET;
  resetFileStore();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the S3-compatible attachment store", () => {
  it("stores, serves through a signed URL and deletes with the conversation", async () => {
    const org = await createTestOrg();
    const { conversation } = await createConversation(org.ctx, { subject: "S3", user_email: "s3@example.test" });
    const stored = await storeFile(org.orgId, { filename: "notes.txt", content: Buffer.from("kept in a bucket"), contentType: "text/plain" });
    expect(fs.readdirSync(path.join(dir, "dexra-test"), { recursive: true }).some((f) => String(f).includes(stored.storageKey.split("/")[1]!))).toBe(true);
    const row = await insertAttachment(db, org.orgId, stored, { conversationId: conversation.id });
    const { signedDownloadPath } = await import("./signed-url");
    const response = await downloadAttachment(row.id, new URL(signedDownloadPath(row.id), "http://localhost"));
    expect(await response.text()).toBe("kept in a bucket");
    const removed = await deleteConversationAttachments(org.orgId, conversation.id);
    expect(removed).toEqual({ deleted: 1, storageKeys: [stored.storageKey] });
    await expect(downloadAttachment(row.id, new URL(signedDownloadPath(row.id), "http://localhost"))).rejects.toMatchObject({ code: "not_found" });
    // The queued deletion removes the object from the bucket.
    expect(await drainFileDeletions({ storageKeys: removed.storageKeys })).toEqual({ deleted: 1, failed: 0 });
    expect(fs.readdirSync(path.join(dir, "dexra-test"), { recursive: true }).some((f) => String(f).includes(stored.storageKey.split("/")[1]!))).toBe(false);
  });
});

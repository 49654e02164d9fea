import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { dataDir } from "@/db/client";
import type { FileStore } from "./file-store";
import { s3ConfigFromEnv, s3Store } from "./s3-store";

function localStore(root: string): FileStore {
  // Keys are generated here (org/uuid), never taken from a filename, so they cannot escape the root.
  const file = (key: string) => path.join(root, ...key.split("/"));
  return {
    async put(key, content) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      await fs.writeFile(file(key), content);
    },
    async get(key) {
      return fs.readFile(file(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

const holder = globalThis as unknown as { __dexraFileStore?: FileStore };

/** An S3-compatible bucket when DEXRA_S3_BUCKET is set; otherwise local disk (DEXRA_ATTACHMENTS_DIR, default `.data/attachments`). */
export function fileStore(): FileStore {
  const s3 = s3ConfigFromEnv();
  holder.__dexraFileStore ??= s3 ? s3Store(s3) : localStore(process.env.DEXRA_ATTACHMENTS_DIR ?? path.join(dataDir, "attachments"));
  return holder.__dexraFileStore;
}

/** Tests switch stores; the app picks one at start. */
export function resetFileStore() {
  holder.__dexraFileStore = undefined;
}

export const newStorageKey = (orgId: string) => `${orgId}/${randomUUID()}`;

/** Tests put a store of their own in front (one that fails or is slow, to prove what waits for it and what does not). */
export function replaceFileStore(store: FileStore | undefined) {
  holder.__dexraFileStore = store;
}

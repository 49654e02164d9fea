/** Where attachment bytes live (local disk or an S3-compatible bucket, picked in store.ts); the database only keeps the key. */
export type FileStore = {
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
};

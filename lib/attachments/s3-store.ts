import type { FileStore } from "./file-store";

export type S3Config = { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean; prefix: string };

/** DEXRA_S3_BUCKET turns the S3-compatible store on (AWS, MinIO, R2, …); the rest have sensible defaults. */
export function s3ConfigFromEnv(env = process.env): S3Config | null {
  if (!env.DEXRA_S3_BUCKET) return null;
  return {
    bucket: env.DEXRA_S3_BUCKET,
    endpoint: env.DEXRA_S3_ENDPOINT,
    region: env.DEXRA_S3_REGION ?? "us-east-1",
    accessKeyId: env.DEXRA_S3_ACCESS_KEY_ID,
    secretAccessKey: env.DEXRA_S3_SECRET_ACCESS_KEY,
    // Self-hosted S3 servers usually want path-style URLs; AWS itself prefers virtual hosts.
    forcePathStyle: env.DEXRA_S3_FORCE_PATH_STYLE ? env.DEXRA_S3_FORCE_PATH_STYLE !== "false" : Boolean(env.DEXRA_S3_ENDPOINT),
    prefix: env.DEXRA_S3_PREFIX ?? "attachments/",
  };
}

/** Attachment bytes in a bucket; the SDK is loaded only when a bucket is configured. */
export function s3Store(config: S3Config): FileStore {
  const client = import("@aws-sdk/client-s3").then((sdk) => ({
    sdk,
    s3: new sdk.S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    }),
  }));
  const Key = (key: string) => `${config.prefix}${key}`;
  return {
    async put(key, content, contentType) {
      const { sdk, s3 } = await client;
      await s3.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: Key(key), Body: content, ContentType: contentType }));
    },
    async get(key) {
      const { sdk, s3 } = await client;
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: Key(key) }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      const { sdk, s3 } = await client;
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: Key(key) }));
    },
  };
}

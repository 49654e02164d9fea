/** The envelope of every Dexra webhook (and of the events feed). */
export type DexraEvent<D = Record<string, unknown>> = {
    id: string;
    type: string;
    created_at: string;
    organization_id: string;
    data: D;
};
/**
 * Verifies a webhook request per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with
 * the endpoint's `whsec_…` secret, against the RAW body; throws on a bad signature or a timestamp older than 5
 * minutes. During a secret rotation either secret verifies (the request carries both signatures).
 */
export declare function verifyWebhook(secret: string, rawBody: string | Uint8Array, headers: Headers | Record<string, string | string[] | undefined>): DexraEvent;

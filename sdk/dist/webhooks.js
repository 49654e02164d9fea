import { Webhook } from "standardwebhooks";
/**
 * Verifies a webhook request per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with
 * the endpoint's `whsec_…` secret, against the RAW body; throws on a bad signature or a timestamp older than 5
 * minutes. During a secret rotation either secret verifies (the request carries both signatures).
 */
export function verifyWebhook(secret, rawBody, headers) {
    const plain = {};
    if (headers instanceof Headers)
        headers.forEach((value, name) => (plain[name.toLowerCase()] = value));
    else
        for (const [name, value] of Object.entries(headers))
            if (value !== undefined)
                plain[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    const payload = typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody);
    return new Webhook(secret).verify(payload, plain);
}

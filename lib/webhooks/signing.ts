import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

type Secrets = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

/**
 * Standard Webhooks headers. While a rotated-out secret is within its grace period, the signature header
 * carries both signatures (space-separated), so receivers verify with either secret.
 */
export function signWebhook(endpoint: Secrets, webhookId: string, payload: string, now = new Date()) {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(endpoint.previousSecret);
  }
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(webhookId, now, payload)).join(" "),
  };
}

import type { Ctx } from "../../context";
import { getConversation } from "../../conversations/scope";
import { postWebhook } from "../../webhooks/send-webhook";

const TIMEOUT_MS = 10_000;

/**
 * POSTs the conversation to the rule's URL through the webhook sender: the same SSRF-filtering agent (private
 * targets refused at connect time unless DEXRA_WEBHOOK_ALLOW_PRIVATE=1), no redirects, a bounded wait.
 * A failure is thrown so the run's log shows it; the job is not retried for it (a retry would repeat the rule).
 */
export async function callWebhook(ctx: Ctx, conversationId: string, url: string, rule: { id: string; name: string }, event: string) {
  const conversation = await getConversation(ctx, conversationId);
  const body = JSON.stringify({ type: "automation_rule", rule, event, conversation, sent_at: new Date().toISOString() });
  const result = await postWebhook(url, { "x-dexra-automation-rule": rule.id }, body, TIMEOUT_MS);
  if (!result.ok) throw new Error(`webhook ${url} failed: ${result.error ?? `HTTP ${result.statusCode}`}`);
  return `called webhook ${new URL(url).host} (HTTP ${result.statusCode})`;
}

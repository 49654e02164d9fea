import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerAgentPaths } from "../agents/openapi";
import { registerBusinessHoursPaths } from "../business-hours/openapi";
import { registerCannedReplyPaths } from "../canned-replies/openapi";
import { registerChannelPaths } from "../channels/openapi";
import { registerConversationPaths } from "../conversations/openapi";
import { registerCustomAttributePaths } from "../custom-attributes/openapi";
import { registerNotePaths } from "../notes/openapi";
import { registerPrivacyPaths } from "../privacy/openapi";
import { registerTagPaths } from "../tags/openapi";
import { registerTeamPaths } from "../teams/openapi";
import { registerEndUserPaths } from "../end-users/openapi";
import { registerReportPaths } from "../reports/openapi";
import { registerReferencePaths } from "../reference-api/openapi";
import { normalizeSchemas, withCodeSamples } from "./code-samples";
import { GETTING_STARTED } from "./getting-started";
import { registerWebhookPaths } from "../webhooks/openapi";

/** Each domain registers its own paths from its own `lib/<domain>/openapi.ts`; add yours to this list. */
const domains: ((registry: OpenAPIRegistry) => void)[] = [
  registerConversationPaths,
  registerNotePaths,
  registerEndUserPaths,
  registerWebhookPaths,
  registerAgentPaths,
  registerTeamPaths,
  registerTagPaths,
  registerCustomAttributePaths,
  registerCannedReplyPaths,
  registerBusinessHoursPaths,
  registerPrivacyPaths,
  registerReferencePaths,
  registerReportPaths,
  registerChannelPaths,
];

const DESCRIPTION = `${GETTING_STARTED}

- **Keys**: \`Authorization: Bearer sk_live_…\` (server: secret, the whole organization) or \`pk_live_…\` (client: publishable,
  acts as one verified end user). \`sk_test_\`/\`pk_test_\` keys reach the organization's separate sandbox.
- **Client identity**: \`user_email\` + \`user_hash\` (hex HMAC-SHA256 of the email exactly as sent, keyed with the identity
  secret), as body fields or \`X-Dexra-User-Email\`/\`X-Dexra-User-Hash\` headers; or \`user_jwt\` / \`X-Dexra-User-Jwt\`
  (HS256, claims \`email\` or \`external_id\`, optional \`name\`, \`custom_attributes\`, required \`exp\`); or the
  \`X-Dexra-User-Token\` returned when an anonymous conversation is created. A rotated identity secret stays valid
  until its expiry.
- **Errors**: every non-2xx answer is \`{"error": {"code", "message", "details"}}\`; resources of another organization or
  end user are 404.
- **Conventions**: paths answer with and without the trailing slash; \`Idempotency-Key\` on POST replays the first answer
  for 24 h (a different body → 422); rate limit per key and minute with \`RateLimit-Limit/Remaining/Reset\` headers (429 +
  \`Retry-After\`), counted in the database and shared by every instance (a client key's per end user); bodies above
  1 MiB → 413; timestamps ISO 8601 UTC.
- **Custom attributes**: keys with a definition (Settings → Custom attributes) are type-checked; other keys are free-form;
  \`null\` deletes a key.`;

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with. */
export function buildOpenApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "serverKey", { type: "http", scheme: "bearer", description: "sk_live_… or sk_test_…" });
  registry.registerComponent("securitySchemes", "clientKey", { type: "http", scheme: "bearer", description: "pk_live_… or pk_test_…, with an end-user identity" });
  for (const register of domains) register(registry);
  cached = withCodeSamples(normalizeSchemas(
    new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: { title: "Dexra API", version: "1.0.0", description: DESCRIPTION },
      servers: [{ url: "/" }],
    }),
  ));
  return cached;
}

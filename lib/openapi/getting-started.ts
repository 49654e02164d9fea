/** The "Getting started" page of /docs (Scalar shows the document's description headings in its sidebar). */
export const GETTING_STARTED = `## Getting started

Dexra is an API-first helpdesk. Everything the inbox does, your systems can do over this API.

### 1. Keys

Create keys in **Settings → API keys** (or \`npm run -s dexra -- create-key --org ORG_ID --kind server --json\`). Each is
shown once and stored only as a hash.

- **Server key** \`sk_live_…\`: secret, the whole organization. Use it from your servers only.
- **Client key** \`pk_live_…\`: publishable (browsers, the chat widget, mobile apps). It acts as **one verified end user**
  and sees only their conversations, never private notes. Endpoints marked "Server key only" answer 403 to it.
- \`sk_test_…\` / \`pk_test_…\` reach the organization's sandbox, whose data is separate from live data.

Send it as \`Authorization: Bearer <key>\`.

### 2. Identity hash (client keys)

A client key needs a verified end user. Your server computes \`user_hash\` = hex HMAC-SHA256 of the user's email,
keyed with the identity secret (**Settings → Organization**), and hands it to the browser:

\`\`\`js
import { createHmac } from "node:crypto";
const user_hash = createHmac("sha256", process.env.DEXRA_IDENTITY_SECRET).update(user.email).digest("hex");
\`\`\`

Send \`X-Dexra-User-Email\` + \`X-Dexra-User-Hash\` headers (or \`user_email\` + \`user_hash\` body fields), or a signed
\`user_jwt\` (HS256 with the same secret; claims \`email\` or \`external_id\`, \`exp\`). No valid identity → 401.

### 3. First request

With curl:

\`\`\`bash
curl -X POST https://help.example.com/v1/conversations \\
  -H "Authorization: Bearer $DEXRA_SERVER_KEY" -H "Content-Type: application/json" \\
  -d '{"user_id": "u_9921", "subject": "Login Issue", "tags": ["support", "urgent"]}'
# → 201 {"id": "…", "status": "open", "created_at": "…"}
curl "https://help.example.com/v1/conversations?limit=10&status=open" -H "Authorization: Bearer $DEXRA_SERVER_KEY"
\`\`\`

With the TypeScript SDK (\`npm install ./sdk\` from the Dexra repository):

\`\`\`ts
import { createDexra, cursorItems, unwrap } from "@dexra/sdk";

const dexra = createDexra({ apiKey: process.env.DEXRA_SERVER_KEY!, baseUrl: "https://help.example.com" });
const conversation = unwrap(await dexra.POST("/v1/conversations", { body: { user_id: "u_9921", subject: "Login Issue" } }));
await dexra.POST("/v1/messages", { body: { conversation_id: conversation.id, content: "We are on it." } });
for await (const c of cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { cursor } } }))) console.log(c.subject);
\`\`\`

The SDK adds an \`Idempotency-Key\` to every POST, retries 429 and 503 after \`Retry-After\`, and pages for you.

### 4. Webhooks

Register an endpoint (\`POST /api/v1/webhooks/\` or **Settings → Webhooks**); its \`whsec_…\` secret is shown once. Each
event is POSTed as \`{id, type, created_at, organization_id, data}\`, signed per Standard Webhooks. Verify the **raw**
body, answer 2xx quickly, and skip ids you have seen (delivery is at least once):

\`\`\`ts
import { verifyWebhook } from "@dexra/sdk";

app.post("/hooks/dexra", express.raw({ type: "application/json" }), (req, res) => {
  const event = verifyWebhook(process.env.DEXRA_WEBHOOK_SECRET!, req.body, req.headers); // throws when forged or stale
  res.status(204).end();
  queue(event);
});
\`\`\`

Missed some? \`GET /api/v1/events/?after=<cursor>\` replays the same envelopes for 30 days.

## Conventions`;

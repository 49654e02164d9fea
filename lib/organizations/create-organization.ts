import { z } from "zod";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { emailSchema, passwordSchema } from "../agents/schemas";
import { randomToken } from "../crypto";
import { createApiKey } from "../keys/create-api-key";

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  ownerEmail: emailSchema,
  ownerPassword: passwordSchema,
  ownerName: z.string().trim().min(1).max(200).optional(),
});

export const generateIdentitySecret = () => randomToken(32);

/** Creates the live organization, its sandbox sibling, the owner, and one key of each kind and mode. */
export async function createOrganization(input: z.input<typeof createOrganizationSchema>) {
  const params = createOrganizationSchema.parse(input);
  const identitySecret = generateIdentitySecret();
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: params.name, identitySecret }).returning();
    await tx.insert(organizations).values({ name: params.name, identitySecret, isSandbox: true, sandboxOfId: org!.id });
    const owner = await createAgent(org!.id, { email: params.ownerEmail, password: params.ownerPassword, name: params.ownerName, role: "owner" }, tx);
    const [server, client, testServer, testClient] = [
      await createApiKey(org!.id, { kind: "server", name: "Default server key" }, tx),
      await createApiKey(org!.id, { kind: "client", name: "Default client key" }, tx),
      await createApiKey(org!.id, { kind: "server", test: true, name: "Default test server key" }, tx),
      await createApiKey(org!.id, { kind: "client", test: true, name: "Default test client key" }, tx),
    ];
    return {
      organization: org!,
      owner,
      serverKey: server.key,
      clientKey: client.key,
      testServerKey: testServer.key,
      testClientKey: testClient.key,
      identitySecret,
    };
  });
}

import { db, type DbOrTx } from "@/db/client";
import { agents } from "@/db/schema";
import { ApiError } from "../errors";
import { hashPassword } from "./password";
import { createAgentSchema, type CreateAgentInput } from "./schemas";

const nameFromEmail = (email: string) => email.split("@")[0]!.replace(/[._-]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());

export async function createAgent(orgId: string, input: CreateAgentInput, executor: DbOrTx = db) {
  const params = createAgentSchema.parse(input);
  const passwordHash = await hashPassword(params.password);
  const [row] = await executor
    .insert(agents)
    .values({ organizationId: orgId, email: params.email, name: params.name ?? nameFromEmail(params.email), passwordHash, role: params.role })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ApiError("conflict", `an agent with email ${params.email} already exists`);
  return row;
}

/**
 * The admin command line (see ../shared/API.md's operating contract): one JSON object on stdout per command.
 *   npm run -s dexra -- create-org --name NAME --owner-email EMAIL --owner-password PASSWORD --json
 *   npm run -s dexra -- create-agent --org ID --email EMAIL --password PASSWORD --role owner|admin|agent --json
 *   npm run -s dexra -- create-key --org ID --kind server|client [--test] [--name NAME] --json
 *   npm run -s dexra -- revoke-key --prefix PREFIX --json
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { createAgent } from "@/lib/agents/create-agent";
import { ApiError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { createOrganization } from "@/lib/organizations/create-organization";
import { assertEmbeddedDatabaseFree } from "./embedded-lock";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean" },
    name: { type: "string" },
    "owner-email": { type: "string" },
    "owner-password": { type: "string" },
    org: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    kind: { type: "string" },
    test: { type: "boolean" },
    prefix: { type: "string" },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new ApiError("validation_error", `--${name} is required`);
  return value;
}

function orgId(): string {
  const id = required("org");
  if (!isUuid(id)) throw new ApiError("not_found", "Organization not found");
  return id;
}

const commands: Record<string, () => Promise<Record<string, unknown>>> = {
  "create-org": async () => {
    const created = await createOrganization({ name: required("name"), ownerEmail: required("owner-email"), ownerPassword: required("owner-password") });
    return {
      organization_id: created.organization.id,
      server_key: created.serverKey,
      client_key: created.clientKey,
      test_server_key: created.testServerKey,
      test_client_key: created.testClientKey,
      identity_secret: created.identitySecret,
    };
  },
  "create-agent": async () => {
    const role = (values.role ?? "agent") as "owner" | "admin" | "agent";
    const agent = await createAgent(orgId(), { email: required("email"), password: required("password"), role, name: values.name });
    return { agent_id: agent.id };
  },
  "create-key": async () => {
    const kind = required("kind");
    if (kind !== "server" && kind !== "client") throw new ApiError("validation_error", "--kind must be server or client");
    const created = await createApiKey(orgId(), { kind, test: values.test ?? false, name: values.name });
    return { key: created.key, prefix: created.prefix };
  },
  "revoke-key": () => revokeApiKey(required("prefix")),
};

const FLAG_NAMES: Record<string, string> = { ownerEmail: "--owner-email", ownerPassword: "--owner-password", name: "--name", email: "--email", password: "--password", role: "--role" };

function toError(error: unknown) {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: "validation_error", message: error.issues.map((i) => `${FLAG_NAMES[String(i.path[0])] ?? "input"}: ${i.message}`).join("; ") };
  const violation = (error as { cause?: { code?: string } }).cause?.code;
  if (violation === "23503") return { code: "not_found", message: "Organization not found" };
  return { code: "internal_error", message: error instanceof Error ? error.message : String(error) };
}

async function main() {
  const [name] = positionals;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(JSON.stringify({ error: { code: "usage", message: `unknown command ${name ?? ""}; use ${Object.keys(commands).join(", ")}` } }));
    return 2;
  }
  try {
    assertEmbeddedDatabaseFree();
    await applyMigrations();
    console.log(JSON.stringify(await command()));
    return 0;
  } catch (error) {
    console.log(JSON.stringify({ error: toError(error) }));
    return 1;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();

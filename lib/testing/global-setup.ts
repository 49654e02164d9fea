import { closeDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { assertLocalTestDatabase } from "./local-database";

export default async function setup() {
  assertLocalTestDatabase();
  await applyMigrations();
  await closeDb();
}

import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { notFound } from "../errors";

/** The live organization of `orgId` (itself, or the one a sandbox belongs to), as a subquery. */
export const liveOrgOf = (orgId: string) =>
  sql`(select coalesce(o.sandbox_of_id, o.id) from organizations o where o.id = ${orgId})`;

export async function getLiveOrgId(executor: DbOrTx, orgId: string): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`select coalesce(sandbox_of_id, id) as id from organizations where id = ${orgId}`, executor);
  if (!row) throw notFound("Organization");
  return row.id;
}

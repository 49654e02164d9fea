import { and, desc, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { MAX_PAGE_SIZE } from "../conversations/list-conversations";
import { listEndUsersQuerySchema, type ListEndUsersQuery } from "./schemas";
import { serializeEndUser } from "./serialize";

export async function getEndUserRowOrThrow(ctx: Ctx, id: string, executor: DbOrTx = db, lock = false) {
  if (!isUuid(id)) throw notFound("User");
  const query = executor.select().from(endUsers).where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("User");
  return row;
}

export async function getEndUser(ctx: Ctx, id: string) {
  return serializeEndUser(await getEndUserRowOrThrow(ctx, id));
}

/** End users newest first; `email` and `external_id` look one up exactly. */
export async function listEndUsers(ctx: Ctx, query: ListEndUsersQuery = {}) {
  const params = listEndUsersQuerySchema.parse(query);
  const where = and(
    eq(endUsers.organizationId, ctx.orgId),
    params.email ? sql`lower(${endUsers.email}) = ${params.email}` : undefined,
    params.external_id ? eq(endUsers.externalId, params.external_id) : undefined,
  );
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const [page, count] = await Promise.all([
    db.select().from(endUsers).where(where).orderBy(desc(endUsers.createdAt), desc(endUsers.id)).limit(limit).offset(params.offset),
    db.$count(endUsers, where),
  ]);
  return { count, limit, offset: params.offset, results: page.map(serializeEndUser) };
}

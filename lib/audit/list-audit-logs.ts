import { and, desc, eq, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLogs } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` (an ISO time from the previous page) pages back through history. */
export async function listAuditLogs(liveOrgId: string, options: { before?: Date } = {}) {
  const rows = await db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.organizationId, liveOrgId), options.before ? lt(auditLogs.createdAt, options.before) : undefined))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

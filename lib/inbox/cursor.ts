import { isStorableDate } from "../api/dates";
import { invalid } from "../errors";

/** Keyset position: the sort values of the last row seen. Opaque to clients. */
export type ListCursor = { priority?: string; at: string; id: string; due?: string | null };

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRIORITIES = ["low", "normal", "high", "urgent"];

export const encodeCursor = (c: ListCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

export function decodeCursor(raw: string): ListCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as ListCursor;
    if (typeof c.at === "string" && typeof c.id === "string" && TIMESTAMP.test(c.at) && UUID.test(c.id) && (c.priority === undefined || PRIORITIES.includes(c.priority))) {
      // Re-serialized so an impossible date (month 13) is refused here rather than by PostgreSQL.
      const at = new Date(c.at);
      const due = typeof c.due === "string" && TIMESTAMP.test(c.due) ? new Date(c.due) : null;
      if (isStorableDate(at) && (due === null || isStorableDate(due))) return { ...c, at: at.toISOString(), due: due?.toISOString() ?? null };
    }
  } catch {
    // fall through to the validation error
  }
  throw invalid("cursor is invalid");
}

import { z } from "zod";
import { paginationQuerySchema } from "../conversations/schemas";
import { MAX_PAGE_SIZE } from "../conversations/list-conversations";

export const listQuerySchema = paginationQuerySchema;
export type ListQuery = z.input<typeof listQuerySchema>;

/** A page of a short, already loaded list (teams, tags, templates): the same `{count, limit, offset, results}` as SQL pages. */
export function pageList<T>(items: T[], query: ListQuery) {
  const { limit: asked, offset } = listQuerySchema.parse(query);
  const limit = Math.min(asked, MAX_PAGE_SIZE);
  return { count: items.length, limit, offset, results: items.slice(offset, offset + limit) };
}

import type { Ctx } from "../../context";
import { addTag } from "../../conversations/tags";

/** Adds each tag (created on first use); tags already there change nothing. */
export async function addTags(ctx: Ctx, conversationId: string, tags: string[]) {
  for (const tag of tags) await addTag(ctx, conversationId, tag);
  return `added ${tags.length === 1 ? "tag" : "tags"} ${tags.join(", ")}`;
}

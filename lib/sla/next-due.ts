import type { Conversation } from "@/db/schema";

const TARGETS = [
  ["first_response", "firstResponseDueAt"],
  ["next_response", "nextResponseDueAt"],
  ["resolution", "resolutionDueAt"],
] as const;

/** The conversation's next SLA target (the earliest due time) for the inbox, or null when none applies now. */
export function nextSlaDue(c: Pick<Conversation, "status" | "firstResponseDueAt" | "nextResponseDueAt" | "resolutionDueAt">) {
  if (c.status !== "open" && c.status !== "pending") return null;
  const due = TARGETS.flatMap(([target, key]) => (c[key] ? [{ target, due_at: c[key]!.toISOString() }] : [])).sort((a, b) => a.due_at.localeCompare(b.due_at));
  return due[0] ?? null;
}

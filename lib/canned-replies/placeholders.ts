/** Placeholders a canned reply body may use; the inbox fills them in when inserting the reply. */
export const CANNED_PLACEHOLDERS = [
  "requester.first_name",
  "requester.last_name",
  "requester.name",
  "requester.email",
  "agent.name",
  "agent.first_name",
  "conversation.number",
  "conversation.subject",
] as const;

export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([a-z_.]+)\s*\}\}/g;

export const unknownPlaceholders = (body: string) =>
  [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(CANNED_PLACEHOLDERS as readonly string[]).includes(name));

/** Fills known placeholders; a value that is missing becomes empty rather than leaking `{{…}}` to a customer. */
export const renderCannedReply = (body: string, values: Partial<Record<CannedPlaceholder, string | number | null>>) =>
  body.replace(PLACEHOLDER, (whole, name: string) =>
    (CANNED_PLACEHOLDERS as readonly string[]).includes(name) ? String(values[name as CannedPlaceholder] ?? "") : whole,
  );

// Pure helpers shared by the search SQL (lib/inbox/search.ts) and the list's highlighting (client code).

const MAX_TOKENS = 8;

/** What an agent typed, as whitespace-separated tokens (`1200/min`, `tariq.nguyen@x.io`, `4412-B` stay whole). */
export function searchTokens(q: string): string[] {
  return q
    .trim()
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean)
    .slice(0, MAX_TOKENS);
}

/** A token's words: `1200/min` -> 1200, min. */
export const tokenWords = (token: string) => token.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Splits `text` into parts, marking the words a search for `q` matched: words beginning with one of the typed
 * words, or sharing its stem (`refunds` marks `refund`, as the full-text search does).
 */
export function highlightParts(text: string, q: string | null | undefined): { text: string; hit: boolean }[] {
  const words = [...new Set(searchTokens(q ?? "").flatMap(tokenWords))].filter((w) => w.length > 0);
  if (words.length === 0 || !text) return [{ text, hit: false }];
  const stems = words.map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, "") : w));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escape).join("|")})[\\p{L}\\p{N}]*`, "giu");
  const parts: { text: string; hit: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), hit: false });
    parts.push({ text: match[0], hit: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

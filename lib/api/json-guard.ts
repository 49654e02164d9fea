import { invalid } from "../errors";

/** Deeper JSON than this is refused: no real payload nests so far, and deep values crash recursive code later. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses input PostgreSQL or our own code cannot take, as a 400 instead of a 500 further down: nesting
 * deeper than MAX_JSON_DEPTH, NUL characters (text and jsonb reject them) and lone UTF-16 surrogates
 * (`"a\ud800b"`: valid JSON, but not Unicode, and jsonb refuses it). Iterative, so the walk itself cannot
 * overflow the stack on a hostile value; it stops at the first problem.
 */
export function assertSafeInput(value: unknown, where: string): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v === "string") checkString(v, where);
    else if (v !== null && typeof v === "object") {
      if (depth >= MAX_JSON_DEPTH) throw invalid(`${where} is nested deeper than ${MAX_JSON_DEPTH} levels`);
      for (const [key, child] of Object.entries(v)) {
        checkString(key, where);
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
}

function checkString(s: string, where: string) {
  if (s.includes("\u0000")) throw invalid(`${where} cannot contain NUL (\\u0000) characters`);
  if (!s.isWellFormed()) throw invalid(`${where} contains a lone UTF-16 surrogate (not valid Unicode text)`);
}

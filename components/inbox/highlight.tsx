import { highlightParts } from "@/lib/inbox/search-terms";

/** `text` with the words a search matched marked, so an agent sees why a conversation is in the results. */
export function Highlight({ text, query }: { text: string; query: string | null | undefined }) {
  if (!query) return <>{text}</>;
  return (
    <>
      {highlightParts(text, query).map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

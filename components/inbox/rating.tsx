import { RelativeTime } from "../ui/relative-time";

type Rating = { score: number; comment: string | null };

const stars = (score: number) => "★".repeat(score) + "☆".repeat(5 - score);

/** The customer's rating at the end of the thread, with their comment. */
export function RatingCard({ rating }: { rating: Rating & { created_at: string } }) {
  return (
    <section aria-label="Customer rating" className="mx-auto w-full max-w-[44rem] rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
      <header className="flex items-baseline justify-between gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="font-semibold uppercase tracking-wide text-emerald-800 dark:text-emerald-300">Customer rating</span>
        <RelativeTime iso={rating.created_at} />
      </header>
      <p className="mt-1">
        <span aria-hidden className="text-amber-500">{stars(rating.score)}</span> <span>{rating.score}/5</span>
      </p>
      {rating.comment && <blockquote className="mt-1 border-l-2 border-emerald-400 pl-2 text-slate-700 dark:text-slate-200">{rating.comment}</blockquote>}
    </section>
  );
}

/** The rating in a list row: score, and the comment on hover and for screen readers. */
export function RatingBadge({ rating }: { rating: Rating }) {
  const label = `Rated ${rating.score}/5${rating.comment ? `: ${rating.comment}` : ""}`;
  return (
    <span title={label} aria-label={label} role="img" className="flex max-w-[9rem] items-center gap-1 rounded bg-emerald-100 px-1 text-xs font-medium text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">
      <span className="shrink-0">★{rating.score}</span>
      {rating.comment && <span className="truncate font-normal">“{rating.comment}”</span>}
    </span>
  );
}

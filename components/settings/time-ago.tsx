/** An absolute UTC time, machine-readable, with a short human form. */
export function TimeAgo({ date }: { date: Date }) {
  const iso = date.toISOString();
  return <time dateTime={iso} title={iso}>{iso.slice(0, 16).replace("T", " ")} UTC</time>;
}

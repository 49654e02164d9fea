"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A date in the reader's own locale and time zone. The server knows neither, so the first paint (server
 * and hydration alike) shows UTC, and the local form replaces it right after: no hydration mismatch.
 */
export function LocalTime({ iso, options }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const date = new Date(iso);
  const text = hydrated ? date.toLocaleString(undefined, options) : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return <time dateTime={date.toISOString()}>{text}</time>;
}

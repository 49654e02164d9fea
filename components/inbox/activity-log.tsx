"use client";

import { useQuery } from "@tanstack/react-query";
import { RelativeTime } from "../ui/relative-time";
import { inboxFetch } from "./inbox-api";
import { inboxKeys } from "./query-keys";
import { describeActivity, type Activity } from "@/lib/inbox/activity-wording";

export function ActivityLog({ conversationId }: { conversationId: string }) {
  const activity = useQuery({
    queryKey: inboxKeys.activity(conversationId),
    queryFn: ({ signal }) => inboxFetch<{ results: Activity[] }>(`/api/inbox/conversations/${conversationId}/activity`, { signal }),
  });
  if (activity.isPending) return <p role="status" className="text-xs text-slate-500">Loading activity…</p>;
  if (activity.isError) return <p role="alert" className="text-xs text-rose-700">Activity could not be loaded: {activity.error.message}</p>;
  return (
    <ol className="space-y-1.5 text-xs" aria-label="Activity log">
      {[...activity.data.results].reverse().map((a) => (
        <li key={a.id} className="flex justify-between gap-2">
          <span>
            {describeActivity(a).who && <span className="font-medium">{describeActivity(a).who} </span>}
            {describeActivity(a).what}
          </span>
          <RelativeTime iso={a.created_at} className="shrink-0 text-slate-500" />
        </li>
      ))}
    </ol>
  );
}

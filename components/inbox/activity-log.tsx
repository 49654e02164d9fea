"use client";

import { useQuery } from "@tanstack/react-query";
import { RelativeTime } from "../ui/relative-time";
import { inboxFetch } from "./inbox-api";
import { inboxKeys } from "./query-keys";

type Activity = { id: string; action: string; actor: { type: string; name: string | null }; data: Record<string, unknown>; created_at: string };

function describe(a: Activity) {
  const d = a.data;
  switch (a.action) {
    case "created":
      return `created the conversation${d.channel ? ` via ${d.channel}` : ""}`;
    case "message":
      return d.direction === "inbound" ? "wrote a message" : "replied";
    case "note":
      return "added a private note";
    case "claimed":
      return `assigned it to ${d.agent_name ?? "themselves"}`;
    case "assigned":
      return d.agent_name ? `assigned it to ${d.agent_name}` : "unassigned it";
    case "team_changed":
      return d.team_name ? `moved it to team ${d.team_name}` : "removed the team";
    case "status_changed":
      return `changed status ${d.from ?? ""} → ${d.to ?? ""}`;
    case "priority_changed":
      return `changed priority ${d.from} → ${d.to}`;
    case "snoozed":
      return `snoozed it until ${d.until ? new Date(String(d.until)).toLocaleString() : "later"}`;
    case "tag_added":
      return `added tag ${d.tag ?? d.name ?? ""}`;
    case "tag_removed":
      return `removed tag ${d.tag ?? d.name ?? ""}`;
    case "attribute_changed":
      return `changed ${Object.keys((d.changes as object) ?? {}).join(", ") || "attributes"}`;
    case "merged":
      return d.into_number ? `merged it into #${d.into_number}` : `merged #${d.from_number} into it`;
    case "unmerged":
      return "undid a merge";
    case "rating":
      return `rated ${d.score ?? ""}/5${typeof d.comment === "string" && d.comment ? `: “${d.comment}”` : ""}`;
    default:
      return a.action.replaceAll("_", " ");
  }
}

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
            <span className="font-medium">{a.actor.name ?? a.actor.type}</span> {describe(a)}
          </span>
          <RelativeTime iso={a.created_at} className="shrink-0 text-slate-500" />
        </li>
      ))}
    </ol>
  );
}

// How the inbox's activity log words each change (pure: shared by the client log and its tests).

export type Activity = { id: string; action: string; actor: { type: string; id: string | null; name: string | null }; data: Record<string, unknown>; created_at: string };

/** Who did it, as an agent reads it: changes made through an API key are "via API", never the key's name. */
export function describeActivity(a: Activity): { who: string; what: string } {
  if (a.actor.type === "api_key") {
    if (a.action === "created") return { who: "", what: "Conversation created via API" };
    if (a.action === "message") return a.data.direction === "inbound" ? { who: "Customer", what: "wrote a message via API" } : { who: "", what: "Reply sent via API" };
    if (a.action === "note") return { who: "", what: "Private note added via API" };
    return { who: "API", what: describe(a, true) };
  }
  return { who: a.actor.name ?? (a.actor.type === "system" ? "Dexra" : a.actor.type === "end_user" ? "Customer" : "Someone"), what: describe(a, false) };
}

const toSelf = (a: Activity) => a.actor.type === "agent" && a.data.agent_id === a.actor.id;

function describe(a: Activity, viaApi: boolean) {
  const d = a.data;
  switch (a.action) {
    case "created":
      return `created the conversation${d.channel && !(viaApi && d.channel === "api") ? ` via ${d.channel}` : ""}`;
    case "message":
      return d.direction === "inbound" ? "wrote a message" : "replied";
    case "note":
      return "added a private note";
    case "claimed":
      return toSelf(a) || !d.agent_name ? "assigned it to themselves" : `assigned it to ${d.agent_name}`;
    case "assigned":
      return !d.agent_name ? "unassigned it" : toSelf(a) ? "assigned it to themselves" : `assigned it to ${d.agent_name}`;
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
    case "automation_ran":
      // The actor is "Automation “rule name”"; the rule's own changes are listed under it too.
      return (d.actions as string[] | undefined)?.join("; ") || "ran";
    case "rating":
      return `rated ${d.score ?? ""}/5`;
    default:
      return a.action.replaceAll("_", " ");
  }
}

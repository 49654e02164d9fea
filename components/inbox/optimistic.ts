import type { InfiniteData } from "@tanstack/react-query";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import type { InboxThread } from "@/lib/inbox/get-thread";
import type { InboxListItem, InboxListPage } from "@/lib/inbox/list-conversations";
import type { ConversationAction } from "@/lib/inbox/action-schemas";

type Conversation = InboxThread["conversation"];
export type Me = { id: string; name: string; email: string; signature?: string | null; notifyDesktopMine?: boolean };

/** What the conversation will look like once the server accepts the action (shown before it answers). */
export function predictConversation(c: Conversation, action: ConversationAction, me: Me, directory: InboxDirectory | undefined): Conversation {
  switch (action.action) {
    case "claim":
      return { ...c, assignee: { id: me.id, name: me.name, email: me.email } };
    case "assign": {
      const agent = directory?.agents.find((a) => a.id === action.agent_id);
      return { ...c, assignee: agent ? { id: agent.id, name: agent.name, email: agent.email } : null };
    }
    case "set_team": {
      const team = directory?.teams.find((t) => t.id === action.team_id);
      return { ...c, team: team ? { id: team.id, name: team.name } : null };
    }
    case "resolve":
      return { ...c, status: "closed" };
    case "reopen":
      return { ...c, status: "open" };
    case "set_pending":
      return { ...c, status: "pending" };
    case "snooze":
      return { ...c, status: "snoozed", snoozed_until: action.until };
    case "set_priority":
      return { ...c, priority: action.priority };
    case "add_tag":
      return { ...c, tags: [...new Set([...c.tags, action.tag])].sort() };
    case "remove_tag":
      return { ...c, tags: c.tags.filter((t) => t.toLowerCase() !== action.tag.toLowerCase()) };
    case "set_attributes":
      return { ...c, custom_attributes: { ...c.custom_attributes, ...action.custom_attributes } };
    case "merge":
      return { ...c, status: "closed", merged_into_id: action.into };
    case "unmerge":
      return { ...c, merged_into_id: null };
  }
}

/** Whether a list item still belongs in a view after a change (so resolving in "All open" removes it at once). */
export function stillInView(view: string, item: InboxListItem, meId: string) {
  if (view === "all") return true;
  if (view === "closed") return item.status === "resolved" || item.status === "closed";
  if (view === "pending" || view === "snoozed") return item.status === view;
  if (item.status !== "open") return false;
  if (view === "mine") return item.assignee?.id === meId;
  if (view === "unassigned") return item.assignee === null;
  return true;
}

/** Whether an action takes a list item out of the view it is shown in (resolve in "All open", claim in "Unassigned"…). */
export function leavesView(view: string, item: InboxListItem, action: ConversationAction, me: Me) {
  const status = action.action === "resolve" || action.action === "merge" ? "closed" : action.action === "snooze" ? "snoozed" : action.action === "set_pending" ? "pending" : item.status;
  const assignee = action.action === "claim" ? { id: me.id, name: me.name } : item.assignee;
  return !stillInView(view, { ...item, status, assignee }, me.id);
}

export function patchListItem(item: InboxListItem, c: Conversation): InboxListItem {
  return { ...item, status: c.status, priority: c.priority, tags: c.tags, assignee: c.assignee ? { id: c.assignee.id, name: c.assignee.name } : null };
}

/** Applies `update` to the item with `id` in every page, dropping it when `keep` says it left the view. */
export function mapListPages(
  data: InfiniteData<InboxListPage> | undefined,
  id: string,
  update: (item: InboxListItem) => InboxListItem,
  keep: (item: InboxListItem) => boolean,
): InfiniteData<InboxListPage> | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((item) => {
        if (item.id !== id) return [item];
        const next = update(item);
        return keep(next) ? [next] : [];
      }),
    })),
  };
}

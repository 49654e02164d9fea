"use client";

import { useEffect } from "react";

/** "(3) All open · Dexra": the tab says how many conversations in the view the agent has not read yet. */
export function useUnreadTitle(viewName: string, unread: number) {
  useEffect(() => {
    document.title = `${unread > 0 ? `(${unread > 99 ? "99+" : unread}) ` : ""}${viewName} · Dexra`;
  }, [viewName, unread]);
}

"use client";

import { usePresence } from "./presence-store";

/** Collision detection: who else has this conversation open, and whether they are writing. */
export function PresenceIndicator({ conversationId, meId }: { conversationId: string; meId: string }) {
  const others = usePresence(conversationId).filter((p) => p.agentId !== meId);
  if (others.length === 0) return null;
  const typing = others.filter((p) => p.state === "typing");
  return (
    <p role="status" data-testid="presence" className={`flex items-center gap-1.5 text-xs ${typing.length ? "text-amber-700 dark:text-amber-400" : "text-slate-500 dark:text-slate-400"}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${typing.length ? "animate-pulse bg-amber-500" : "bg-emerald-500"}`} />
      {others.map((p) => `${p.name} is ${p.state === "typing" ? "typing…" : "viewing"}`).join(" · ")}
    </p>
  );
}

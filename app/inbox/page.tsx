import type { Metadata } from "next";
import { Suspense } from "react";
import { AppHeader } from "@/components/app-header";
import { InboxApp } from "@/components/inbox/inbox-app";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const session = await requireAgent();
  const me = { id: session.agent.id, name: session.agent.name, email: session.agent.email };
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader session={session} />
      <Suspense fallback={<p role="status" className="p-6 text-sm text-slate-500">Loading the inbox…</p>}>
        <InboxApp me={me} />
      </Suspense>
    </div>
  );
}

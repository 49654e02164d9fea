import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const { agent, org } = await requireAgent();
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div>
          <span className="font-semibold" data-testid="org-name">{org.name}</span>
          <span className="ml-2 text-sm text-slate-500">Inbox</span>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span>{agent.name}</span>
          <SignOutButton />
        </div>
      </header>
      <main className="p-6">
        <h1 className="text-xl font-semibold">Inbox</h1>
      </main>
    </div>
  );
}

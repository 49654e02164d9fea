import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SandboxBanner } from "@/components/sandbox-banner";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: { default: "Settings", template: "%s · Settings · Dexra" } };

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { agent, org, sandbox } = await requireAgent({ role: "admin" });
  return (
    <div className="min-h-screen">
      <SandboxBanner sandbox={sandbox} />
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-3">
          <span className="font-semibold" data-testid="org-name">{org.name}</span>
          <Link href="/inbox" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">← Inbox</Link>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span>{agent.name} <span className="text-slate-500 dark:text-slate-400">({agent.role})</span></span>
          <SignOutButton />
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 md:flex-row md:gap-8 md:p-6">
        <SettingsNav />
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}

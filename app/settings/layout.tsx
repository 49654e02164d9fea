import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: { default: "Settings", template: "%s · Settings · Dexra" } };

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const session = await requireAgent({ role: "admin" });
  return (
    <div className="min-h-screen">
      <AppHeader session={session} />
      <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 md:p-6 lg:flex-row lg:gap-8">
        <SettingsNav />
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}

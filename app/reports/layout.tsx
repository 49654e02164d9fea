import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: { default: "Reports", template: "%s · Reports · Dexra" } };

export default async function ReportsLayout({ children }: { children: ReactNode }) {
  const session = await requireAgent();
  return (
    <div className="min-h-screen">
      <AppHeader session={session} />
      <main className="mx-auto max-w-7xl p-4 md:p-6">{children}</main>
    </div>
  );
}

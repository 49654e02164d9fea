import Link from "next/link";
import type { AgentSession } from "@/lib/auth/agent-session";
import { hasRole } from "@/lib/auth/agent-session";
import { AvailabilityToggle } from "./availability-toggle";
import { SandboxBanner } from "./sandbox-banner";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

const linkClass = "rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800";

/** The app shell's top bar: organization, navigation (Settings for owners and admins), theme, account. */
export function AppHeader({ session }: { session: AgentSession }) {
  return (
    <>
      <SandboxBanner sandbox={session.sandbox} />
      <header className="flex h-12 shrink-0 items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex min-w-0 items-center gap-4">
          <span className="hidden max-w-[12rem] truncate font-semibold sm:inline" data-testid="org-name">
            {session.org.name}
          </span>
          <nav aria-label="Main" className="flex items-center gap-1">
            <Link href="/inbox" className={linkClass}>
              Inbox
            </Link>
            <Link href="/reports" className={linkClass}>
              Reports
            </Link>
            {hasRole(session, "admin") && (
              <Link href="/settings" className={linkClass}>
                Settings
              </Link>
            )}
          </nav>
        </div>
        <div className="flex min-w-0 items-center gap-2 text-sm sm:gap-3">
          <AvailabilityToggle initial={session.agent.availability} />
          <ThemeToggle />
          <Link href="/profile" className={`${linkClass} max-w-[7rem] truncate sm:max-w-[12rem]`} title={`${session.agent.email}: your profile`}>
            {session.agent.name}
          </Link>
          <SignOutButton />
        </div>
      </header>
    </>
  );
}

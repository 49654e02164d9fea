import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/settings/agents/accept-invitation-form";
import { lookUpInvitation } from "@/lib/agents/invitations";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer", robots: { index: false } };

const REFUSED = {
  expired: { title: "This invitation has expired", text: "Ask an admin of your organization for a new invitation link." },
  used: { title: "This invitation has already been used", text: "If it was you, sign in with the password you chose." },
  unknown: { title: "This invitation link is not valid", text: "Check that you copied the whole link, or ask for a new one." },
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookUpInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {invitation.status === "valid" ? (
          <>
            <h1 className="mb-1 text-2xl font-semibold">Join {invitation.organizationName}</h1>
            <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
              You were invited as <strong>{invitation.role}</strong> with <strong>{invitation.email}</strong>. Choose a password to finish.
            </p>
            <AcceptInvitationForm token={token} defaultName={invitation.name ?? ""} email={invitation.email} />
          </>
        ) : (
          <div role="alert">
            <h1 className="mb-2 text-2xl font-semibold">{REFUSED[invitation.status].title}</h1>
            <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">{REFUSED[invitation.status].text}</p>
            <Link href="/login" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">Go to sign in</Link>
          </div>
        )}
      </div>
    </main>
  );
}

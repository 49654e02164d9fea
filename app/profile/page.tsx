import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import {
  AvailabilityForm,
  DeleteCannedReply,
  NotificationsForm,
  PasswordForm,
  PersonalCannedReplyForm,
  ProfileForm,
} from "@/components/profile/profile-forms";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { listPersonalCannedReplies } from "@/lib/profile/manage-profile";

export const metadata: Metadata = { title: "Profile" };

/** Every agent's own settings, whatever their role. */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const session = await requireAgent();
  const passwordChanged = (await searchParams).password === "changed";
  const { agent } = session;
  const canned = await listPersonalCannedReplies(session);
  return (
    <div className="min-h-screen">
      <AppHeader session={session} />
      <main className="mx-auto max-w-3xl space-y-6 p-4 md:p-6">
        <h1 className="text-xl font-semibold">Your profile</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{agent.email} · {agent.role}</p>
        <section aria-labelledby="profile-heading" className={cardClass}>
          <h2 id="profile-heading" className="mb-3 font-medium">Name and signature</h2>
          <ProfileForm name={agent.name} signature={agent.signature} />
        </section>
        <section aria-labelledby="availability-heading" className={cardClass}>
          <h2 id="availability-heading" className="mb-3 font-medium">Availability</h2>
          <AvailabilityForm availability={agent.availability} />
        </section>
        <section aria-labelledby="notifications-heading" className={cardClass}>
          <h2 id="notifications-heading" className="mb-3 font-medium">Notifications</h2>
          <NotificationsForm desktopMine={Boolean(agent.notificationPrefs.desktop_mine)} />
        </section>
        <section aria-labelledby="canned-heading" className={cardClass}>
          <h2 id="canned-heading" className="mb-3 font-medium">Your canned replies</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Only you see these; the organization&apos;s shared ones are listed with them in the composer.</p>
          {canned.length > 0 && (
            <ul aria-label="Your canned replies" className="mb-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
              {canned.map((c) => (
                <li key={c.id} className="flex items-start justify-between gap-3 py-2">
                  <span><span className="font-medium">{c.title}</span> <span className="text-slate-500">/{c.shortcut}</span></span>
                  <DeleteCannedReply id={c.id} title={c.title} />
                </li>
              ))}
            </ul>
          )}
          <PersonalCannedReplyForm />
        </section>
        <section aria-labelledby="password-heading" className={cardClass}>
          <h2 id="password-heading" className="mb-3 font-medium">Password</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Changing it signs you out everywhere else.</p>
          {passwordChanged && (
            <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200">
              Password changed. Your other sessions were signed out.
            </p>
          )}
          <PasswordForm />
        </section>
      </main>
    </div>
  );
}

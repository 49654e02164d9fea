import type { Metadata } from "next";
import { IdentitySecretCard } from "@/components/settings/organization/identity-secret-card";
import { OrganizationForm } from "@/components/settings/organization/organization-form";
import { RetentionForm } from "@/components/settings/organization/retention-form";
import { SandboxSwitch } from "@/components/settings/organization/sandbox-switch";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { hasRole } from "@/lib/auth/agent-session";
import { requireAgent } from "@/lib/auth/require-agent";
import { getOrganizationSettings } from "@/lib/organizations/manage-organization";
import { getRetention } from "@/lib/privacy/retention";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const session = await requireAgent({ role: "admin" });
  const org = await getOrganizationSettings(session.ctx);
  const retention = await getRetention(session.ctx);
  return (
    <>
      <PageHeader title="Organization">These settings apply to live and sandbox data alike.</PageHeader>
      <div className="space-y-6">
        <section className={cardClass} aria-labelledby="general">
          <h2 id="general" className="mb-3 font-medium">General</h2>
          <OrganizationForm defaults={{ name: org.name, timeZone: org.timeZone, rateLimitPerMinute: org.rateLimitPerMinute, allowedOrigins: org.allowedOrigins }} timeZones={Intl.supportedValuesOf("timeZone")} />
        </section>
        <section className={cardClass} aria-labelledby="identity">
          <h2 id="identity" className="mb-1 font-medium">Identity verification secret</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Your server signs end users&apos; emails with it (<code>user_hash</code>, <code>user_jwt</code>) so client keys can only act as verified users. Keep it secret.
          </p>
          <IdentitySecretCard canRotate={hasRole(session, "owner")} previousExpiresAt={org.previousIdentitySecretExpiresAt?.toISOString() ?? null} />
        </section>
        <section className={cardClass} aria-labelledby="retention">
          <h2 id="retention" className="mb-1 font-medium">Data retention</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Closed conversations older than this are anonymized for good: texts, names and emails become &ldquo;[anonymized]&rdquo;; counts and times stay for reports.
          </p>
          <RetentionForm days={retention.anonymize_closed_after_days} />
        </section>
        <section className={cardClass} aria-labelledby="sandbox">
          <h2 id="sandbox" className="mb-1 font-medium">Sandbox</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            The sandbox is a separate copy of the organization&apos;s data used by test keys. Switching shows it everywhere in the app, for you only.
          </p>
          <SandboxSwitch sandbox={session.sandbox} />
        </section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/settings/action-button";
import { PageHeader } from "@/components/settings/page-header";
import { SlaPolicyForm } from "@/components/settings/slas/sla-policy-form";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { formatDuration } from "@/components/reports/format";
import { requireAgent } from "@/lib/auth/require-agent";
import { listSlaPolicies } from "@/lib/sla/manage-policies";
import { listTagsWithUsage } from "@/lib/tags/manage-tags";
import { listTeams } from "@/lib/teams/manage-teams";
import { deleteSlaPolicyAction } from "../../../components/settings/slas/actions";

export const metadata: Metadata = { title: "SLAs" };

export default async function SlasPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { ctx } = await requireAgent({ role: "admin" });
  const [policies, teams, tags, { edit }] = await Promise.all([listSlaPolicies(ctx), listTeams(ctx), listTagsWithUsage(ctx), searchParams]);
  const editing = policies.find(({ policy }) => policy.id === edit)?.policy;
  const choices = { teams: teams.map((t) => ({ id: t.id, name: t.name })), tags: tags.map((t) => ({ id: t.id, name: t.name })) };
  return (
    <>
      <PageHeader title="SLAs">
        Response and resolution targets. Each conversation takes the first policy (by order) whose priority, team and tag match; its due
        times show in the inbox, and a passed target is recorded as a breach (Reports, the activity log and the sla_breached webhook).
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="sla-form-title">
        <h2 id="sla-form-title" className="mb-3 font-medium">{editing ? `Edit SLA policy “${editing.name}”` : "New SLA policy"}</h2>
        {/* keyed by policy so switching between edits starts from that policy's stored values */}
        <SlaPolicyForm key={editing?.id ?? "new"} {...choices} policy={editing} />
      </section>
      <section className={cardClass} aria-label="SLA policies">
        {policies.length === 0 ? (
          <p className="text-sm text-slate-500">No SLA policies yet.</p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                {["Order", "Name", "Applies to", "First response", "Next response", "Resolution", "Clock", ""].map((h) => <th key={h} className={thClass}>{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {policies.map(({ policy: p, teamName, tagName }) => (
                <tr key={p.id}>
                  <td className={tdClass}>{p.position}</td>
                  <td className={tdClass}>{p.name}</td>
                  <td className={tdClass}>{[p.priority && `priority ${p.priority}`, teamName && `team ${teamName}`, tagName && `tag ${tagName}`].filter(Boolean).join(", ") || "every conversation"}</td>
                  <td className={tdClass}>{formatDuration(p.firstResponseSeconds)}</td>
                  <td className={tdClass}>{formatDuration(p.nextResponseSeconds)}</td>
                  <td className={tdClass}>{formatDuration(p.resolutionSeconds)}</td>
                  <td className={tdClass}>{p.businessHours ? "business hours" : "calendar"}</td>
                  <td className={`${tdClass} flex items-center gap-3`}>
                    <Link href={`/settings/slas?edit=${p.id}`} className="text-sm underline" aria-label={`Edit SLA policy ${p.name}`}>Edit</Link>
                    <ActionButton action={deleteSlaPolicyAction} fields={{ id: p.id }} label="Delete" accessibleLabel={`Delete SLA policy ${p.name}`} danger confirm={`Delete the SLA policy "${p.name}"?`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

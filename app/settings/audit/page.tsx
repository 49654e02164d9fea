import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { TimeAgo } from "@/components/settings/time-ago";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { requireAgent } from "@/lib/auth/require-agent";

export const metadata: Metadata = { title: "Audit log" };

const summarize = (data: Record<string, unknown>) => {
  const { sandbox: _sandbox, ...rest } = data;
  const text = JSON.stringify(rest);
  return text === "{}" ? "" : text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { liveOrgId } = await requireAgent({ role: "admin" });
  const { before } = await searchParams;
  const beforeDate = before && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const { entries, hasMore } = await listAuditLogs(liveOrgId, { before: beforeDate });
  return (
    <>
      <PageHeader title="Audit log">Every settings change: who made it, what changed, and when.</PageHeader>
      <section className={`${cardClass} overflow-x-auto`}>
        {entries.length === 0 ? <p className="text-sm text-slate-500">No changes recorded{beforeDate ? " before this point" : " yet"}.</p> : (
          <table className={tableClass}>
            <thead><tr>{["When", "Who", "What", "Details"].map((h) => <th key={h} scope="col" className={thClass}>{h}</th>)}</tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className={`${tdClass} whitespace-nowrap`}><TimeAgo date={e.createdAt} /></td>
                  <td className={tdClass}>{e.actorName ?? "system"}</td>
                  <td className={tdClass}>
                    <code>{e.action}</code>
                    {e.data.sandbox === true && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">sandbox</span>}
                  </td>
                  <td className={`${tdClass} max-w-md break-all font-mono text-xs text-slate-600 dark:text-slate-400`}>{summarize(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {hasMore && (
          <Link href={`/settings/audit?before=${encodeURIComponent(entries.at(-1)!.createdAt.toISOString())}`}
            className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">Older entries →</Link>
        )}
      </section>
    </>
  );
}

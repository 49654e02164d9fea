import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { CreateWebhookForm } from "@/components/settings/webhooks/create-webhook-form";
import { requireAgent } from "@/lib/auth/require-agent";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { ctx, sandbox } = await requireAgent({ role: "admin" });
  const { results } = await listWebhookEndpoints(ctx);
  return (
    <>
      <PageHeader title="Webhooks">
        Dexra POSTs signed events (Standard Webhooks) to these URLs and retries for about three days.
        {sandbox ? " These are the sandbox's endpoints." : ""}
      </PageHeader>
      <section className={`${cardClass} mb-6 overflow-x-auto`} aria-labelledby="endpoints">
        <h2 id="endpoints" className="mb-3 font-medium">Endpoints</h2>
        {results.length === 0 ? <p className="text-sm text-slate-500">No endpoints yet.</p> : (
          <table className={tableClass}>
            <thead><tr>{["URL", "Events", "Status", ""].map((h, i) => <th key={i} scope="col" className={thClass}>{h}</th>)}</tr></thead>
            <tbody>
              {results.map((e) => (
                <tr key={e.id}>
                  <td className={`${tdClass} break-all`}>{e.url}{e.description && <p className="text-xs text-slate-500">{e.description}</p>}</td>
                  <td className={tdClass}>{e.events.includes("*") ? "all" : e.events.join(", ")}</td>
                  <td className={tdClass}>
                    {e.enabled ? "enabled" : <span className="text-red-600 dark:text-red-400">disabled{e.disabled_reason ? `: ${e.disabled_reason}` : ""}</span>}
                  </td>
                  <td className={tdClass}><Link href={`/settings/webhooks/${e.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400" aria-label={`Manage ${e.url}`}>Manage</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className={cardClass} aria-labelledby="new-webhook">
        <h2 id="new-webhook" className="mb-3 font-medium">Add an endpoint</h2>
        <CreateWebhookForm />
      </section>
    </>
  );
}

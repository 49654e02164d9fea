import type { Metadata } from "next";
import { ActionButton } from "@/components/settings/action-button";
import { CreateApiKeyForm } from "@/components/settings/api-keys/create-api-key-form";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { TimeAgo } from "@/components/settings/time-ago";
import { requireAgent } from "@/lib/auth/require-agent";
import { listApiKeys } from "@/lib/keys/manage-api-keys";
import { revokeApiKeyAction } from "../../../components/settings/api-keys/actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader title="API keys">
        Server keys (<code>sk_</code>) are secret and see all data; client keys (<code>pk_</code>) are for browsers and the widget and act as one verified end user.
        Test keys work on the sandbox data only.
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-key">
        <h2 id="new-key" className="mb-3 font-medium">New key</h2>
        <CreateApiKeyForm />
      </section>
      <section className={`${cardClass} overflow-x-auto`} aria-labelledby="keys">
        <h2 id="keys" className="mb-3 font-medium">Keys</h2>
        <table className={tableClass}>
          <thead>
            <tr>
              {["Name", "Prefix", "Kind", "Mode", "Created", "Last used", ""].map((h, i) => <th key={i} scope="col" className={thClass}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} data-testid={`key-${key.prefix}`} className={key.revokedAt ? "text-slate-400 dark:text-slate-500" : undefined}>
                <td className={tdClass}>{key.name || "—"}</td>
                <td className={tdClass}><code>{key.prefix}…</code></td>
                <td className={tdClass}>{key.kind}</td>
                <td className={tdClass}>{key.isTest ? "test" : "live"}</td>
                <td className={tdClass}><TimeAgo date={key.createdAt} /></td>
                <td className={tdClass}>{key.lastUsedAt ? <TimeAgo date={key.lastUsedAt} /> : "never"}</td>
                <td className={tdClass}>
                  {key.revokedAt ? (
                    <span>Revoked <TimeAgo date={key.revokedAt} /></span>
                  ) : (
                    <ActionButton action={revokeApiKeyAction} fields={{ prefix: key.prefix }} label="Revoke" danger accessibleLabel={`Revoke key ${key.prefix}`}
                      confirm={`Revoke ${key.prefix}…? Requests with it are refused immediately.`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

import { redeliverAction } from "@/components/settings/webhooks/actions";
import type { WebhookDeliveryJson } from "@/lib/webhooks/serialize";
import { ActionButton } from "../action-button";
import { tableClass, tdClass, thClass } from "../styles";

const time = (iso: string | null) => (iso ? <time dateTime={iso}>{iso.slice(0, 19).replace("T", " ")}</time> : "—");

const STATUS_CLASS = {
  succeeded: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-600 dark:text-red-400",
  pending: "text-amber-700 dark:text-amber-400",
} as const;

/** One row per attempt, grouped by delivery; receiver responses are shown as text only, truncated. */
export function DeliveryLog({ endpointId, deliveries }: { endpointId: string; deliveries: WebhookDeliveryJson[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>{["Event", "Status", "Attempts (status code, latency, time UTC)", "Next retry", ""].map((h, i) => <th key={i} scope="col" className={thClass}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`}>
              <td className={tdClass}><code>{d.event_type}</code><div className="text-xs text-slate-500">{time(d.created_at)}</div></td>
              <td className={`${tdClass} ${STATUS_CLASS[d.status]}`}>{d.status}</td>
              <td className={tdClass}>
                {d.attempts.length === 0 ? <span className="text-slate-500">not attempted yet</span> : (
                  <ol className="space-y-0.5">
                    {d.attempts.map((a) => (
                      <li key={a.attempt} className="text-xs">
                        #{a.attempt}: <strong>{a.status_code ?? "no response"}</strong>
                        {a.latency_ms !== null && ` · ${a.latency_ms} ms`} · {time(a.created_at)}
                        {a.error && <span className="block text-red-600 dark:text-red-400">{a.error}</span>}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
              <td className={tdClass}>{time(d.next_attempt_at)}</td>
              <td className={tdClass}>
                <ActionButton action={redeliverAction} fields={{ endpointId, deliveryId: d.id }} label="Redeliver" accessibleLabel={`Redeliver ${d.event_type} ${d.id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/settings/action-button";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { DeliveryLog } from "@/components/settings/webhooks/delivery-log";
import { DeleteWebhookButton, EditWebhookForm, WebhookSecretCard } from "@/components/settings/webhooks/endpoint-forms";
import { requireAgent } from "@/lib/auth/require-agent";
import { ApiError } from "@/lib/errors";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { sendTestEventAction } from "../../../../components/settings/webhooks/actions";

export const metadata: Metadata = { title: "Webhook endpoint" };

async function load(ctx: Parameters<typeof getWebhookEndpoint>[0], id: string) {
  try {
    return await Promise.all([getWebhookEndpoint(ctx, id), listWebhookDeliveries(ctx, id, { limit: 50 })]);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requireAgent({ role: "admin" });
  const { id } = await params;
  const [endpoint, deliveries] = await load(ctx, id);
  return (
    <>
      <Link href="/settings/webhooks" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">← All endpoints</Link>
      <PageHeader title="Webhook endpoint"><span className="break-all">{endpoint.url}</span></PageHeader>
      {!endpoint.enabled && endpoint.disabled_reason && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">Disabled: {endpoint.disabled_reason}</p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={cardClass} aria-labelledby="settings">
          <h2 id="settings" className="mb-3 font-medium">Settings</h2>
          <EditWebhookForm endpoint={endpoint} />
        </section>
        <div className="space-y-6">
          <section className={cardClass} aria-labelledby="secret">
            <h2 id="secret" className="mb-3 font-medium">Signing secret</h2>
            <WebhookSecretCard id={endpoint.id} />
          </section>
          <section className={`${cardClass} flex flex-wrap items-start justify-between gap-3`} aria-label="Test and delete">
            <ActionButton action={sendTestEventAction} fields={{ id: endpoint.id }} label="Send test event" />
            <DeleteWebhookButton id={endpoint.id} url={endpoint.url} />
          </section>
        </div>
      </div>
      <section className={`${cardClass} mt-6`} aria-labelledby="deliveries">
        <h2 id="deliveries" className="mb-3 font-medium">Delivery log <span className="text-sm font-normal text-slate-500">({deliveries.count})</span></h2>
        <DeliveryLog endpointId={endpoint.id} deliveries={deliveries.results} />
      </section>
    </>
  );
}

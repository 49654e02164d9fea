import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { ChannelRow, CreateChannelForm } from "@/components/settings/channels/channel-forms";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { listChannels } from "@/lib/channels/manage-channels";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const { results } = await listChannels(ctx);
  const inboundPort = process.env.DEXRA_INBOUND_SMTP_PORT;
  return (
    <>
      <PageHeader title="Channels">
        Mail to an email channel&apos;s address becomes a conversation; agents&apos; replies go out from it. Point the address&apos;s MX (or a
        forwarding rule) at this server{inboundPort ? ` (SMTP port ${inboundPort})` : ""}, or have your relay POST raw mail to /api/v1/inbound/email/.
        {process.env.DEXRA_SMTP_URL ? "" : " Outbound mail needs DEXRA_SMTP_URL: until it is set, replies stay queued."} A new address stays
        pending until you prove it is yours: enter the code mailed to it (if the address already forwards here, that mail verifies it by itself).
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-channel">
        <h2 id="new-channel" className="mb-3 font-medium">New email channel</h2>
        <CreateChannelForm />
      </section>
      <section className={cardClass} aria-labelledby="all-channels">
        <h2 id="all-channels" className="mb-3 font-medium">{results.length} channel{results.length === 1 ? "" : "s"}</h2>
        {results.length === 0 ? (
          <p className="text-sm text-slate-500">No channels yet. The first one you add is the default for send-message and new email conversations.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">{results.map((c) => <ChannelRow key={c.id} channel={c} />)}</ul>
        )}
      </section>
    </>
  );
}

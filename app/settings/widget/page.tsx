import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { WidgetSettingsForm } from "@/components/settings/widget/widget-settings-form";
import { WidgetSnippet } from "@/components/settings/widget/widget-snippet";
import { requireAgent } from "@/lib/auth/require-agent";
import { getWidgetConfig } from "@/lib/widget/settings";

export const metadata: Metadata = { title: "Chat widget" };

export default async function WidgetSettingsPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const config = await getWidgetConfig(ctx.orgId);
  const h = await headers();
  const appUrl = process.env.DEXRA_APP_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <>
      <PageHeader title="Chat widget">
        Let visitors reach your team from any website. Paste the snippet before <code>&lt;/body&gt;</code>; conversations arrive in the inbox with channel <strong>web</strong>.
      </PageHeader>
      <section className={cardClass} aria-labelledby="widget-snippet-title">
        <WidgetSnippet appUrl={appUrl} />
      </section>
      <section className={`${cardClass} mt-4`} aria-label="Appearance and rules">
        <WidgetSettingsForm config={config} />
      </section>
    </>
  );
}

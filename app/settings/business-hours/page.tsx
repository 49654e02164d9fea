import type { Metadata } from "next";
import { BusinessHoursForm } from "@/components/settings/business-hours/business-hours-form";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { getBusinessHours } from "@/lib/business-hours/manage-business-hours";

export const metadata: Metadata = { title: "Business hours" };

export default async function BusinessHoursPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const hours = await getBusinessHours(ctx);
  return (
    <>
      <PageHeader title="Business hours">
        When your team is available, in the organization&apos;s time zone (<strong>{hours.timeZone}</strong>).
      </PageHeader>
      <section className={cardClass}>
        <BusinessHoursForm weekly={hours.businessHours} holidays={hours.holidays} />
      </section>
    </>
  );
}

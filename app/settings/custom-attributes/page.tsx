import type { Metadata } from "next";
import { CreateDefinitionForm, DefinitionRow } from "@/components/settings/custom-attributes/definition-forms";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { listDefinitions } from "@/lib/custom-attributes/definitions";

export const metadata: Metadata = { title: "Custom attributes" };

const SECTIONS = [
  { entity: "conversation", title: "Conversation attributes" },
  { entity: "end_user", title: "End-user attributes" },
] as const;

export default async function CustomAttributesPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const definitions = await listDefinitions(ctx);
  return (
    <>
      <PageHeader title="Custom attributes">
        Extra fields on conversations and end users. The inbox edits them with the right control and the API validates values against these definitions.
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-attribute">
        <h2 id="new-attribute" className="mb-3 font-medium">New attribute</h2>
        <CreateDefinitionForm />
      </section>
      {SECTIONS.map(({ entity, title }) => {
        const list = definitions.filter((d) => d.entity === entity);
        return (
          <section key={entity} className={`${cardClass} mb-6`} aria-labelledby={`defs-${entity}`}>
            <h2 id={`defs-${entity}`} className="mb-3 font-medium">{title}</h2>
            {list.length === 0 ? <p className="text-sm text-slate-500">None yet.</p> : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">{list.map((d) => <DefinitionRow key={d.id} definition={d} />)}</ul>
            )}
          </section>
        );
      })}
    </>
  );
}

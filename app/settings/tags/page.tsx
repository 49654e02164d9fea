import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { CreateTagForm, TagRow } from "@/components/settings/tags/tag-forms";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { listTagsWithUsage } from "@/lib/tags/manage-tags";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const tags = await listTagsWithUsage(ctx);
  return (
    <>
      <PageHeader title="Tags">Renaming a tag keeps it on every conversation; deleting removes it from them.</PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-tag">
        <h2 id="new-tag" className="mb-3 font-medium">New tag</h2>
        <CreateTagForm />
      </section>
      <section className={cardClass} aria-labelledby="all-tags">
        <h2 id="all-tags" className="mb-3 font-medium">{tags.length} tag{tags.length === 1 ? "" : "s"}</h2>
        {tags.length === 0 ? (
          <p className="text-sm text-slate-500">No tags yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {tags.map((tag) => <TagRow key={tag.id} tag={tag} />)}
          </ul>
        )}
      </section>
    </>
  );
}

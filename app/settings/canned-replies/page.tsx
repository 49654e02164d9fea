import type { Metadata } from "next";
import { CannedReplyForm, CannedReplyRow } from "@/components/settings/canned-replies/canned-reply-forms";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { listCannedReplies } from "@/lib/canned-replies/manage-canned-replies";

export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const replies = await listCannedReplies(ctx);
  return (
    <>
      <PageHeader title="Canned replies">
        Agents insert them by typing <kbd>/</kbd> and the shortcut in the composer. Shared replies are for everyone; personal ones only for you.
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-reply">
        <h2 id="new-reply" className="mb-3 font-medium">New canned reply</h2>
        <CannedReplyForm />
      </section>
      <section className={cardClass} aria-labelledby="replies">
        <h2 id="replies" className="mb-3 font-medium">{replies.length} canned repl{replies.length === 1 ? "y" : "ies"}</h2>
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {replies.map((r) => <CannedReplyRow key={r.id} reply={{ id: r.id, title: r.title, shortcut: r.shortcut, body: r.body, shared: r.ownerAgentId === null }} />)}
        </ul>
      </section>
    </>
  );
}

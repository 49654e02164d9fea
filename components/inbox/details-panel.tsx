"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import type { ConversationAction } from "@/lib/inbox/action-schemas";
import { Badge, STATUS_TONE } from "../ui/badge";
import { showToast } from "../ui/toast";
import { ActivityLog } from "./activity-log";
import { AttributeForm } from "./attribute-form";
import { inboxFetch } from "./inbox-api";
import { inboxKeys } from "./query-keys";
import { TagEditor } from "./tag-editor";
import { WidgetOrigin } from "./widget-origin";
import { useDirectory, useRequester, useThread } from "./use-inbox-data";
import { STATUS_HELP } from "./status-help";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
      {children}
    </section>
  );
}

/** Requester profile and attributes, their other conversations, the conversation's tags, attributes and activity. */
export function DetailsPanel({ number, act, hrefFor }: { number: number; act: (action: ConversationAction) => void; hrefFor: (number: number) => string }) {
  const thread = useThread(number);
  const directory = useDirectory().data;
  const c = thread.data?.conversation;
  const requester = useRequester(c?.requester.id, c?.id);
  const client = useQueryClient();
  const saveRequester = useMutation({
    mutationFn: (custom_attributes: Record<string, unknown>) => inboxFetch(`/api/inbox/end-users/${c!.requester.id}`, { method: "PATCH", body: { custom_attributes } }),
    onError: (error: Error) => showToast({ tone: "error", message: error.message }),
    onSuccess: () => showToast({ tone: "info", message: "Requester updated" }),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.requester(c!.requester.id) }),
  });
  if (!c) return null;
  const definitions = directory?.attributeDefinitions ?? [];
  const profile = requester.data;
  const fullName = [c.requester.first_name, c.requester.last_name].filter(Boolean).join(" ");
  return (
    <aside aria-label="Conversation details" className="h-full overflow-y-auto text-sm">
      <Section title="Requester">
        {fullName ? <p className="font-medium">{fullName}</p> : !c.requester.email && <p className="font-medium">Anonymous visitor</p>}
        {c.requester.email && <p className={fullName ? "break-all text-xs text-slate-500" : "break-all font-medium"}>{c.requester.email}</p>}
        {profile?.external_id && <p className="text-xs text-slate-500">External id: {profile.external_id}</p>}
        <WidgetOrigin conversation={c} anonymous={profile?.is_anonymous} claimedEmail={profile?.unverified_email} />
        <div className="mt-3">
          {profile ? (
            <AttributeForm
              key={`${profile.id}-${JSON.stringify(profile.custom_attributes)}`}
              label="Requester attributes"
              definitions={definitions.filter((d) => d.entity === "end_user")}
              values={profile.custom_attributes}
              onSave={(patch) => saveRequester.mutate(patch)}
            />
          ) : requester.isError ? (
            <p role="alert" className="text-xs text-rose-700">{requester.error.message}</p>
          ) : (
            <p role="status" className="text-xs text-slate-500">Loading profile…</p>
          )}
        </div>
      </Section>
      <Section title="Other conversations">
        {profile && profile.other_conversations.length === 0 && <p className="text-xs text-slate-500">None</p>}
        <ul className="space-y-1">
          {profile?.other_conversations.map((o) => (
            <li key={o.id}>
              <Link href={hrefFor(o.number)} className="flex items-center justify-between gap-2 rounded px-1 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800">
                <span className="truncate">
                  <span className="text-slate-400">#{o.number}</span> {o.subject}
                </span>
                <Badge tone={STATUS_TONE[o.status]} title={STATUS_HELP[o.status]}>{o.status}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Tags">
        <TagEditor tags={c.tags} known={directory?.tags ?? []} onAdd={(tag) => act({ action: "add_tag", tag })} onRemove={(tag) => act({ action: "remove_tag", tag })} />
      </Section>
      <Section title="Conversation attributes">
        <AttributeForm
          key={`${c.id}-${JSON.stringify(c.custom_attributes)}`}
          label="Conversation attributes"
          definitions={definitions.filter((d) => d.entity === "conversation")}
          values={c.custom_attributes}
          onSave={(patch) => act({ action: "set_attributes", custom_attributes: patch as Record<string, string> })}
        />
      </Section>
      <Section title="Activity">
        <ActivityLog conversationId={c.id} />
      </Section>
    </aside>
  );
}

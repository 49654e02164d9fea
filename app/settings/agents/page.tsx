import type { Metadata } from "next";
import { ActionButton } from "@/components/settings/action-button";
import { InviteAgentForm } from "@/components/settings/agents/invite-agent-form";
import { RoleSelect } from "@/components/settings/agents/role-select";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { TimeAgo } from "@/components/settings/time-ago";
import { listPendingInvitations } from "@/lib/agents/invitations";
import { listAgents } from "@/lib/agents/manage-agents";
import { hasRole } from "@/lib/auth/agent-session";
import { requireAgent } from "@/lib/auth/require-agent";
import { deactivateAgentAction, reactivateAgentAction, revokeInvitationAction } from "../../../components/settings/agents/actions";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const session = await requireAgent({ role: "admin" });
  const [agents, invitations] = await Promise.all([listAgents(session.ctx), listPendingInvitations(session.ctx)]);
  const isOwner = hasRole(session, "owner");
  const now = new Date();
  return (
    <>
      <PageHeader title="Agents">
        Deactivated agents cannot sign in and their sessions end at once; their conversations stay and can be reassigned.
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="invite">
        <h2 id="invite" className="mb-3 font-medium">Invite an agent</h2>
        <InviteAgentForm canInviteOwner={isOwner} />
      </section>
      {invitations.length > 0 && (
        <section className={`${cardClass} mb-6 overflow-x-auto`} aria-labelledby="pending">
          <h2 id="pending" className="mb-3 font-medium">Pending invitations</h2>
          <table className={tableClass}>
            <thead><tr>{["Email", "Role", "Expires", ""].map((h, i) => <th key={i} scope="col" className={thClass}>{h}</th>)}</tr></thead>
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.id}>
                  <td className={tdClass}>{inv.email}</td>
                  <td className={tdClass}>{inv.role}</td>
                  <td className={tdClass}>{inv.expiresAt <= now ? <span className="text-red-600 dark:text-red-400">expired</span> : <TimeAgo date={inv.expiresAt} />}</td>
                  <td className={tdClass}><ActionButton action={revokeInvitationAction} fields={{ id: inv.id }} label="Revoke" danger accessibleLabel={`Revoke invitation for ${inv.email}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className={`${cardClass} overflow-x-auto`} aria-labelledby="team">
        <h2 id="team" className="mb-3 font-medium">{agents.length} agents</h2>
        <table className={tableClass}>
          <thead><tr>{["Name", "Email", "Role", "Status", ""].map((h, i) => <th key={i} scope="col" className={thClass}>{h}</th>)}</tr></thead>
          <tbody>
            {agents.map((agent) => {
              const self = agent.id === session.agent.id;
              const mayManage = isOwner || agent.role !== "owner";
              return (
                <tr key={agent.id} data-testid={`agent-${agent.email}`}>
                  <td className={tdClass}>{agent.name}{self && <span className="text-slate-500"> (you)</span>}</td>
                  <td className={tdClass}>{agent.email}</td>
                  <td className={tdClass}>{mayManage ? <RoleSelect agentId={agent.id} name={agent.name} role={agent.role} canGrantOwner={isOwner} /> : agent.role}</td>
                  <td className={tdClass}>{agent.deactivatedAt ? <span className="text-red-600 dark:text-red-400">deactivated</span> : "active"}</td>
                  <td className={tdClass}>
                    {!mayManage || self ? null : agent.deactivatedAt ? (
                      <ActionButton action={reactivateAgentAction} fields={{ id: agent.id }} label="Reactivate" accessibleLabel={`Reactivate ${agent.name}`} />
                    ) : (
                      <ActionButton action={deactivateAgentAction} fields={{ id: agent.id }} label="Deactivate" danger accessibleLabel={`Deactivate ${agent.name}`}
                        confirm={`Deactivate ${agent.name}? They are signed out everywhere; their conversations stay.`} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

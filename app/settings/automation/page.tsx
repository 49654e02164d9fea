import type { Metadata } from "next";
import { RuleEditor } from "@/components/settings/automation/rule-editor";
import { RuleRow } from "@/components/settings/automation/rule-row";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { listAgents } from "@/lib/agents/manage-agents";
import { requireAgent } from "@/lib/auth/require-agent";
import { listAutomationRules } from "@/lib/automation/manage-rules";
import { listCannedReplies } from "@/lib/canned-replies/manage-canned-replies";
import { listTeams } from "@/lib/teams/manage-teams";

export const metadata: Metadata = { title: "Automation" };

export default async function AutomationPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const [rules, teams, agents, replies] = await Promise.all([listAutomationRules(ctx), listTeams(ctx), listAgents(ctx), listCannedReplies(ctx)]);
  const options = {
    teams: teams.map((t) => ({ value: t.id, label: t.name })),
    agents: agents.filter((a) => !a.deactivatedAt).map((a) => ({ value: a.id, label: a.name })),
    cannedReplies: replies.filter((r) => !r.ownerAgentId).map((r) => ({ value: r.id, label: `${r.title} (/${r.shortcut})` })),
  };
  const ids = rules.map((r) => r.id);
  return (
    <>
      <PageHeader title="Automation">
        When an event happens and the conditions hold, a rule does its actions. Rules run in this order, just after the change is saved; each run is
        listed in the conversation&apos;s activity. A rule&apos;s own changes never trigger rules.
      </PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-rule">
        <h2 id="new-rule" className="mb-3 font-medium">New rule</h2>
        <RuleEditor options={options} />
      </section>
      <section className={cardClass} aria-labelledby="all-rules">
        <h2 id="all-rules" className="mb-3 font-medium">{rules.length} rule{rules.length === 1 ? "" : "s"}</h2>
        {rules.length === 0 ? (
          <p className="text-sm text-slate-500">No rules yet.</p>
        ) : (
          <ol className="divide-y divide-slate-100 dark:divide-slate-800">
            {rules.map((rule, index) => (
              <RuleRow key={rule.id} rule={{ id: rule.id, name: rule.name, enabled: rule.enabled, event: rule.event, conditions: rule.conditions, actions: rule.actions, position: rule.position }} index={index} ids={ids} options={options} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

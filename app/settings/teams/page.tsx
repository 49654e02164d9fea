import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { cardClass } from "@/components/settings/styles";
import { CreateTeamForm, TeamCard } from "@/components/settings/teams/team-forms";
import { listAgents } from "@/lib/agents/manage-agents";
import { requireAgent } from "@/lib/auth/require-agent";
import { listTeams } from "@/lib/teams/manage-teams";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const { ctx } = await requireAgent({ role: "admin" });
  const [teams, agents] = await Promise.all([listTeams(ctx), listAgents(ctx)]);
  const active = agents.filter((a) => !a.deactivatedAt).map(({ id, name, email }) => ({ id, name, email }));
  return (
    <>
      <PageHeader title="Teams">Teams group agents; conversations can be assigned to a team. Deleting a team keeps its conversations.</PageHeader>
      <section className={`${cardClass} mb-6`} aria-labelledby="new-team">
        <h2 id="new-team" className="mb-3 font-medium">New team</h2>
        <CreateTeamForm />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {teams.map((team) => <TeamCard key={team.id} team={team} agents={active} />)}
      </div>
      {teams.length === 0 && <p className="text-sm text-slate-500">No teams yet.</p>}
    </>
  );
}

"use client";

import { createTeamAction, deleteTeamAction, renameTeamAction, setTeamMembersAction } from "@/components/settings/teams/actions";
import { createTeamSchema, renameTeamSchema, setTeamMembersSchema } from "@/lib/teams/schemas";
import { ActionButton } from "../action-button";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, cardClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function CreateTeamForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createTeamAction, { schema: createTeamSchema, resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-48 flex-1"><TextField label="Team name" name="name" id="new-team-name" error={errorFor("name")} maxLength={80} /></div>
        <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>Create team</button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

type AgentOption = { id: string; name: string; email: string };
type Team = { id: string; name: string; memberIds: string[] };

function RenameTeamForm({ team }: { team: Team }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(renameTeamAction, { schema: renameTeamSchema });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="id" value={team.id} />
      <div className="min-w-40 flex-1"><TextField label="Name" name="name" id={`team-${team.id}-name`} defaultValue={team.name} error={errorFor("name")} /></div>
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} mt-6`}>Rename</button>
      <div className="w-full"><FormStatus state={state} /></div>
    </form>
  );
}

function MembersForm({ team, agents }: { team: Team; agents: AgentOption[] }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(setTeamMembersAction, { schema: setTeamMembersSchema });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="id" value={team.id} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Members</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {agents.map((agent) => (
            <label key={agent.id} className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="agentIds[]" value={agent.id} defaultChecked={team.memberIds.includes(agent.id)} className="size-4 accent-indigo-600" />
              {agent.name}
            </label>
          ))}
        </div>
        {errorFor("agentIds") && <p className="text-xs text-red-600 dark:text-red-400">{errorFor("agentIds")}</p>}
      </fieldset>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Save members</button>
      <FormStatus state={state} />
    </form>
  );
}

export function TeamCard({ team, agents }: { team: Team; agents: AgentOption[] }) {
  return (
    <section className={`${cardClass} space-y-4`} aria-label={`Team ${team.name}`}>
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-medium">{team.name} <span className="text-sm font-normal text-slate-500">· {team.memberIds.length} member{team.memberIds.length === 1 ? "" : "s"}</span></h2>
        <ActionButton action={deleteTeamAction} fields={{ id: team.id }} label="Delete" accessibleLabel={`Delete team ${team.name}`} danger
          confirm={`Delete the team "${team.name}"? Its conversations stay, without a team.`} />
      </div>
      <RenameTeamForm team={team} />
      <MembersForm team={team} agents={agents} />
    </section>
  );
}

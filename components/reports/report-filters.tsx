import { buttonClass, inputClass, secondaryButtonClass } from "@/components/settings/styles";

type Choice = { id: string; name: string };
export type FilterValues = { from: string; to: string; time_zone: string; business_hours: boolean; team: string; agent: string };

/** A plain GET form: the report's state is its URL, so every report can be bookmarked and shared. */
export function ReportFilters({ values, teams, agents, exportHref }: { values: FilterValues; teams: Choice[]; agents: Choice[] | null; exportHref: string }) {
  const label = "flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400";
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-3" aria-label="Report filters">
      <label className={label}>
        From
        <input type="date" name="from" defaultValue={values.from} className={inputClass} required />
      </label>
      <label className={label}>
        To (not included)
        <input type="date" name="to" defaultValue={values.to} className={inputClass} required />
      </label>
      <label className={label}>
        Time zone
        <input name="time_zone" defaultValue={values.time_zone} className={`${inputClass} w-44`} list="report-time-zones" />
      </label>
      <datalist id="report-time-zones">
        {["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"].map((tz) => <option key={tz} value={tz} />)}
      </datalist>
      <label className={label}>
        Team
        <select name="team" defaultValue={values.team} className={inputClass}>
          <option value="">All teams</option>
          <option value="none">No team</option>
          {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      {agents && (
        <label className={label}>
          Agent
          <select name="agent" defaultValue={values.agent} className={inputClass}>
            <option value="">All agents</option>
            <option value="none">Unassigned</option>
            {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
      )}
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="business_hours" value="true" defaultChecked={values.business_hours} />
        Business hours only
      </label>
      <button type="submit" className={buttonClass}>Apply</button>
      <a href={exportHref} className={secondaryButtonClass} download>Export CSV</a>
    </form>
  );
}

"use client";

import { changeRoleAction } from "@/components/settings/agents/actions";
import { inputClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

const ROLES = ["agent", "admin", "owner"] as const;

/** Changes the role as soon as another one is picked; a refusal (e.g. last owner) shows beside it. */
export function RoleSelect({ agentId, name, role, canGrantOwner }: { agentId: string; name: string; role: string; canGrantOwner: boolean }) {
  const { state, pending, onSubmit, formRef } = useSettingsForm(changeRoleAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="id" value={agentId} />
      <select name="role" defaultValue={role} disabled={pending} aria-label={`Role of ${name}`} className={`${inputClass.replace("w-full", "w-28")} py-1`}
        onChange={(e) => e.currentTarget.form?.requestSubmit()} key={state.status === "error" ? `${role}-reset` : role}>
        {ROLES.filter((r) => r !== "owner" || canGrantOwner || role === "owner").map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      {state.status === "error" && <p role="alert" className="max-w-56 text-xs text-red-600 dark:text-red-400">{state.message}</p>}
    </form>
  );
}

"use client";

import { revealIdentitySecretAction, rotateIdentitySecretAction } from "@/components/settings/organization/actions";
import { GRACE_PERIODS, rotateIdentitySecretSchema } from "@/lib/organizations/schemas";
import { CopyButton } from "../copy-button";
import { SelectField } from "../fields";
import { FormStatus } from "../form-status";
import { dangerButtonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

function SecretValue({ value }: { value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code data-testid="identity-secret" className="break-all rounded bg-slate-100 px-2 py-1 text-sm dark:bg-slate-800">{value}</code>
      <CopyButton value={value} label="Copy secret" />
    </div>
  );
}

export function IdentitySecretCard({ canRotate, previousExpiresAt }: { canRotate: boolean; previousExpiresAt: string | null }) {
  const reveal = useSettingsForm(revealIdentitySecretAction);
  const rotate = useSettingsForm(rotateIdentitySecretAction, { schema: rotateIdentitySecretSchema });
  const rotated = rotate.state.status === "ok" ? rotate.state.result : undefined;
  const revealed = reveal.state.status === "ok" ? reveal.state.result?.identitySecret : undefined;
  const graceUntil = rotated ? rotated.previousExpiresAt : previousExpiresAt && new Date(previousExpiresAt) > new Date() ? new Date(previousExpiresAt) : null;
  return (
    <div className="space-y-4">
      {rotated ? (
        <div className="space-y-1">
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">New secret created for live and sandbox.</p>
          <SecretValue value={rotated.identitySecret} />
        </div>
      ) : revealed ? (
        <SecretValue value={revealed} />
      ) : (
        <form onSubmit={reveal.onSubmit}>
          <button type="submit" disabled={reveal.pending} className={secondaryButtonClass}>Reveal secret</button>
        </form>
      )}
      <FormStatus state={reveal.state.status === "error" ? reveal.state : { status: "idle" }} />
      {graceUntil && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The previous secret still verifies until <time dateTime={new Date(graceUntil).toISOString()}>{new Date(graceUntil).toISOString().slice(0, 16).replace("T", " ")} UTC</time>.
        </p>
      )}
      {canRotate ? (
        <form onSubmit={(e) => (window.confirm("Rotate the identity secret? Update your servers before the grace period ends.") ? rotate.onSubmit(e) : e.preventDefault())}
          noValidate className="flex flex-wrap items-end gap-3">
          <div className="min-w-56"><SelectField label="Old secret keeps working for" name="graceHours" id="grace-hours" defaultValue={24}
            error={rotate.errorFor("graceHours")} options={GRACE_PERIODS.map((p) => ({ value: p.hours, label: p.label }))} /></div>
          <button type="submit" disabled={rotate.pending} className={dangerButtonClass}>Rotate secret</button>
        </form>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">Only owners can rotate the secret.</p>
      )}
      {rotate.state.status === "error" && <FormStatus state={rotate.state} />}
    </div>
  );
}

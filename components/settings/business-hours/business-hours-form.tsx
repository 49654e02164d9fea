"use client";

import { useState } from "react";
import { updateBusinessHoursAction } from "@/components/settings/business-hours/actions";
import type { WeeklyHours } from "@/db/schema/organizations";
import { businessHoursSchema, WEEKDAYS } from "@/lib/business-hours/schemas";
import { CheckboxField, TextareaField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, inputClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

const DAY_NAMES = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" } as const;
const WORKDAY = { open: "09:00", close: "17:00" };

export function BusinessHoursForm({ weekly, holidays }: { weekly: WeeklyHours | null; holidays: string[] }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateBusinessHoursAction, { schema: businessHoursSchema });
  const [enabled, setEnabled] = useState(weekly !== null);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <CheckboxField label="Use business hours (otherwise the team counts as always available)" name="enabled" id="bh-enabled"
        checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
      <fieldset disabled={!enabled} className="space-y-2 disabled:opacity-50">
        <legend className="mb-2 text-sm font-medium">Weekly schedule</legend>
        {WEEKDAYS.map((day) => {
          const slot = weekly?.[day]?.[0];
          const isWeekday = !weekly && !["sat", "sun"].includes(day);
          return (
            <div key={day} className="grid max-w-lg grid-cols-[7.5rem_1fr_1fr] items-start gap-2">
              <CheckboxField label={DAY_NAMES[day]} name={`days.${day}.enabled`} id={`bh-${day}-enabled`} defaultChecked={Boolean(slot) || isWeekday} />
              <div>
                <label htmlFor={`bh-${day}-open`} className="sr-only">{DAY_NAMES[day]} opens at</label>
                <input id={`bh-${day}-open`} name={`days.${day}.open`} type="time" defaultValue={slot?.open ?? WORKDAY.open} className={`${inputClass} py-1`}
                  aria-invalid={errorFor(`days.${day}.open`) ? true : undefined} />
                {errorFor(`days.${day}.open`) && <p className="text-xs text-red-600 dark:text-red-400">{errorFor(`days.${day}.open`)}</p>}
              </div>
              <div>
                <label htmlFor={`bh-${day}-close`} className="sr-only">{DAY_NAMES[day]} closes at</label>
                <input id={`bh-${day}-close`} name={`days.${day}.close`} type="time" defaultValue={slot?.close ?? WORKDAY.close} className={`${inputClass} py-1`}
                  aria-invalid={errorFor(`days.${day}.close`) ? true : undefined} />
                {errorFor(`days.${day}.close`) && <p className="text-xs text-red-600 dark:text-red-400">{errorFor(`days.${day}.close`)}</p>}
              </div>
            </div>
          );
        })}
      </fieldset>
      <TextareaField label="Holidays (one date per line, YYYY-MM-DD)" name="holidays" id="bh-holidays" rows={5} defaultValue={holidays.join("\n")}
        error={Object.entries(state.status === "error" ? state.fieldErrors ?? {} : {}).find(([k]) => k.startsWith("holidays"))?.[1]}
        hint="Closed all day on these dates." className="font-mono" />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>Save business hours</button>
    </form>
  );
}

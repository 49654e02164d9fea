import { WEBHOOK_EVENT_TYPES } from "@/lib/events/types";
import { CheckboxField, TextField } from "../fields";

type Defaults = { url?: string; description?: string | null; events?: string[]; enabled?: boolean };

/** URL, description, events and enabled: shared by the create and edit forms. */
export function EndpointFields({ idPrefix, defaults = {}, errorFor }: { idPrefix: string; defaults?: Defaults; errorFor: (field: string) => string | undefined }) {
  const events = defaults.events ?? ["*"];
  return (
    <div className="space-y-3">
      <TextField label="Endpoint URL" name="url" id={`${idPrefix}-url`} type="url" placeholder="https://example.com/webhooks/dexra" defaultValue={defaults.url}
        error={errorFor("url")} />
      <TextField label="Description (optional)" name="description" id={`${idPrefix}-description`} defaultValue={defaults.description ?? ""} error={errorFor("description")} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Events to send</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          <label className="inline-flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="events[]" value="*" defaultChecked={events.includes("*")} className="size-4 accent-indigo-600" />
            All events (including future ones)
          </label>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="events[]" value={type} defaultChecked={events.includes(type)} className="size-4 accent-indigo-600" />
              <code>{type}</code>
            </label>
          ))}
        </div>
        {errorFor("events") && <p className="text-xs text-red-600 dark:text-red-400">{errorFor("events")}</p>}
      </fieldset>
      <CheckboxField label="Enabled" name="enabled" id={`${idPrefix}-enabled`} defaultChecked={defaults.enabled ?? true} />
    </div>
  );
}

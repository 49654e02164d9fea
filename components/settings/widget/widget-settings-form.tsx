"use client";

import { useState } from "react";
import { updateWidgetSettingsAction } from "@/components/settings/widget/actions";
import { widgetSettingsSchema } from "@/lib/widget/schemas";
import type { WidgetConfig } from "@/lib/widget/settings";
import { SelectField, TextareaField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";
import { WidgetPreview } from "./widget-preview";

export function WidgetSettingsForm({ config }: { config: WidgetConfig }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateWidgetSettingsAction, { schema: widgetSettingsSchema });
  const [look, setLook] = useState({ color: config.color, position: config.position, greeting: config.greeting, launcher_label: config.launcher_label });
  const set = (field: keyof typeof look) => (e: { target: { value: string } }) => setLook({ ...look, [field]: e.target.value });
  const fieldErrors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const firstError = (prefix: string) => Object.entries(fieldErrors).find(([k]) => k.startsWith(prefix))?.[1];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Colour" name="color" id="widget-color" type="color" value={look.color} onChange={set("color")} error={errorFor("color")} />
          <SelectField label="Position" name="position" id="widget-position" value={look.position} onChange={set("position")}
            options={[{ value: "right", label: "Bottom right" }, { value: "left", label: "Bottom left" }]} />
        </div>
        <TextField label="Launcher label" name="launcher_label" id="widget-label" value={look.launcher_label} onChange={set("launcher_label")} error={errorFor("launcher_label")} />
        <TextField label="Greeting" name="greeting" id="widget-greeting" value={look.greeting} onChange={set("greeting")} error={errorFor("greeting")} />
        <TextareaField label="Pre-chat fields" name="pre_chat_fields" id="widget-prechat" rows={3} className="font-mono"
          defaultValue={config.pre_chat_fields.map((f) => `${f.key} | ${f.label} | ${f.type}${f.required ? " | required" : ""}`).join("\n")}
          hint="Asked of visitors who are not signed in, one per line: key | Label | text or email | required" error={firstError("pre_chat_fields")} />
        <TextareaField label="Allowed domains" name="allowed_domains" id="widget-domains" rows={3} className="font-mono" defaultValue={config.allowed_domains.join("\n")}
          hint="One per line: example.com, *.example.com or https://shop.example.com:8443. Empty allows every site; pages elsewhere get no messenger." error={firstError("allowed_domains")} />
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={buttonClass}>Save widget settings</button>
      </form>
      <WidgetPreview {...look} />
    </div>
  );
}

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { inputClass } from "./styles";

type FieldProps = { label: string; name: string; error?: string; hint?: ReactNode; id?: string };

const idFor = (name: string, id?: string) => id ?? `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

function Frame({ label, error, hint, id, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

const aria = (id: string, error?: string, hint?: ReactNode) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

export function TextField({ label, name, error, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = idFor(name, id);
  return (
    <Frame label={label} name={name} error={error} hint={hint} id={fieldId}>
      <input id={fieldId} name={name} className={inputClass} {...aria(fieldId, error, hint)} {...input} />
    </Frame>
  );
}

export function TextareaField({ label, name, error, hint, id, className, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fieldId = idFor(name, id);
  return (
    <Frame label={label} name={name} error={error} hint={hint} id={fieldId}>
      <textarea id={fieldId} name={name} className={`${inputClass} ${className ?? ""}`} {...aria(fieldId, error, hint)} {...input} />
    </Frame>
  );
}

export function SelectField({ label, name, error, hint, id, options, ...input }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string | number; label: string }[] }) {
  const fieldId = idFor(name, id);
  return (
    <Frame label={label} name={name} error={error} hint={hint} id={fieldId}>
      <select id={fieldId} name={name} className={inputClass} {...aria(fieldId, error, hint)} {...input}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

export function CheckboxField({ label, name, error, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = idFor(name, id);
  return (
    <div>
      <label htmlFor={fieldId} className="inline-flex items-center gap-2 text-sm">
        <input id={fieldId} name={name} type="checkbox" className="size-4 rounded border-slate-300 accent-indigo-600" {...aria(fieldId, error)} {...input} />
        {label}
      </label>
      {error && <p id={`${fieldId}-error`} className="text-xs text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

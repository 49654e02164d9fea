import type { z } from "zod";

/**
 * FormData → plain object, identically in the browser (client validation) and in the server action.
 * Fields named `x[]` always become arrays, so an empty or single-choice checkbox group keeps its shape;
 * dotted names (`days.mon.open`) become nested objects, matching the error paths shown next to fields.
 * Next's internal `$ACTION_…` fields are dropped, and so are names that would walk into a prototype
 * (`__proto__.x`, `constructor.prototype.x`): these objects come from anyone who can post a form.
 */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    const isList = key.endsWith("[]");
    const path = (isList ? key.slice(0, -2) : key).split(".");
    if (path.some((part) => FORBIDDEN_SEGMENTS.has(part))) continue;
    let target = out;
    for (const part of path.slice(0, -1)) {
      if (!Object.hasOwn(target, part) || typeof target[part] !== "object") target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[path.at(-1)!] = isList ? values : values.at(-1);
  }
  return out;
}

export type FieldErrors = Record<string, string>;

/** First message per field path ("days.mon.open"), ready to show next to the field. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

export type ActionState<R = unknown> =
  | { status: "idle" }
  | { status: "ok"; message?: string; result?: R }
  | { status: "error"; message: string; fieldErrors?: FieldErrors };

export const idleState: ActionState<never> = { status: "idle" };

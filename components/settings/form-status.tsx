import type { ActionState } from "@/lib/settings/form-data";

/** The form-level outcome: announced to screen readers, errors as alerts. */
export function FormStatus({ state }: { state: ActionState<unknown> }) {
  if (state.status === "error") {
    return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{state.message}</p>;
  }
  if (state.status === "ok" && state.message) {
    return <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">{state.message}</p>;
  }
  return null;
}

"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject, idleState, issuesToFieldErrors, type ActionState } from "@/lib/settings/form-data";

export type SettingsAction<R> = (prev: ActionState<R>, form: FormData) => Promise<ActionState<R>>;

/**
 * Validates with the same zod schema as the server before calling the server action, and submits
 * without React's automatic form reset so a refused form keeps what the user typed.
 */
export function useSettingsForm<R>(action: SettingsAction<R>, options: { schema?: z.ZodType; resetOnSuccess?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionState<R>, FormData>(async (prev, form) => {
    if (options.schema) {
      const parsed = options.schema.safeParse(formDataToObject(form));
      if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: issuesToFieldErrors(parsed.error.issues) };
    }
    return action(prev, form);
  }, idleState);

  useEffect(() => {
    if (state.status === "ok" && options.resetOnSuccess) formRef.current?.reset();
  }, [state, options.resetOnSuccess]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const errorFor = (field: string) => (state.status === "error" ? state.fieldErrors?.[field] : undefined);
  return { state, pending, onSubmit, formRef, errorFor };
}

"use server";

import {
  createAutomationRule,
  deleteAutomationRule,
  reorderAutomationRules,
  setAutomationRuleEnabled,
  updateAutomationRule,
} from "@/lib/automation/manage-rules";
import { reorderFormSchema, ruleFormSchema } from "@/lib/automation/schemas";
import type { ActionState } from "@/lib/settings/form-data";
import { formDataToObject } from "@/lib/settings/form-data";
import { parseInput } from "@/lib/settings/parse";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createAutomationRule(s.ctx, parseInput(ruleFormSchema, formDataToObject(form)).rule), message: "Rule created." });
}

export async function updateRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({
    role: "admin",
    run: (s) => {
      const { id, rule } = parseInput(ruleFormSchema, formDataToObject(form));
      return updateAutomationRule(s.ctx, { ...rule, id });
    },
    message: "Rule saved.",
  });
}

export async function toggleRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => setAutomationRuleEnabled(s.ctx, formDataToObject(form)), message: "Rule updated." });
}

export async function reorderRulesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => reorderAutomationRules(s.ctx, parseInput(reorderFormSchema, formDataToObject(form))), message: "Order saved." });
}

export async function deleteRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteAutomationRule(s.ctx, formDataToObject(form)), message: "Rule deleted." });
}

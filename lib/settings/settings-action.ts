import { revalidatePath } from "next/cache";
import { requireAgent } from "../auth/require-agent";
import type { ActionState } from "./form-data";
import { runSettingsAction, type SettingsActionOptions } from "./run-action";

/** What each settings server action calls: requireAgent answers 404/login, then the shared runner. */
export async function settingsAction<R>(options: SettingsActionOptions<R>): Promise<ActionState<R>> {
  const session = await requireAgent({ role: options.role });
  const state = await runSettingsAction(session, options);
  if (state.status === "ok") revalidatePath("/settings", "layout");
  return state;
}

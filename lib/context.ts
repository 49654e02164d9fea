/** Who is acting: recorded in activity rows and used for authorization decisions in lib/. */
export type Actor =
  | { type: "agent"; id: string; name: string; email: string; role: "owner" | "admin" | "agent" }
  | { type: "api_key"; id: string; name: string; kind: "server" | "client" }
  | { type: "end_user"; id: string; name: string }
  // automationRuleId: the change is an automation rule's (lib/automation), so it must not trigger rules again.
  | { type: "system"; id: null; name: string; automationRuleId?: string };

/** Every lib/ function takes this: the organization all its SQL is filtered by, and the actor. */
export type Ctx = { orgId: string; actor: Actor };

export const systemActor: Actor = { type: "system", id: null, name: "Dexra" };

/** Messages between the host page's loader and the messenger iframe (always posted to one exact origin). */
export type HostToMessenger =
  | { type: "dexra:identify"; identity: Record<string, unknown> }
  | { type: "dexra:visibility"; open: boolean }
  | { type: "dexra:page"; url: string }
  | { type: "dexra:reset" };

export type MessengerToHost =
  | { type: "dexra:ready" }
  | { type: "dexra:unread"; count: number }
  | { type: "dexra:message"; conversation_id: string; body: string }
  | { type: "dexra:close" }
  | { type: "dexra:token_expired" }
  | { type: "dexra:error"; message: string };

import { connection, directClient } from "@/db/client";
import { LIVE_CHANNEL } from "../events/types";
import { recordPresence } from "./presence-store";
import { isPresence, type LiveMessage } from "./types";

type Subscriber = (message: LiveMessage) => void;
type Hub = { subscribers: Set<Subscriber>; started: Promise<void> | null };

// One LISTEN connection per process, shared by every open stream (kept across dev hot reloads).
const holder = globalThis as unknown as { __dexraLiveHub?: Hub };
const hub = (holder.__dexraLiveHub ??= { subscribers: new Set(), started: null });

function dispatch(payload: string) {
  let message: LiveMessage;
  try {
    message = JSON.parse(payload) as LiveMessage;
  } catch {
    return;
  }
  if (isPresence(message)) recordPresence(message);
  for (const subscriber of hub.subscribers) subscriber(message);
}

async function start() {
  const conn = connection();
  // postgres.js gives LISTEN its own connection and re-listens after a reconnect; PGlite hears only
  // notifications raised in this process, which is all there is when it is the database. LISTEN goes to the
  // server itself (DATABASE_DIRECT_URL): a transaction-mode pooler cannot keep a session's subscription.
  if (conn.kind === "postgres") await directClient().listen(LIVE_CHANNEL, dispatch);
  else await conn.client.listen(LIVE_CHANNEL, dispatch);
}

/** Calls `subscriber` for every live signal of any organization until the returned function is called. */
export async function subscribeLive(subscriber: Subscriber): Promise<() => void> {
  hub.started ??= start().catch((error) => {
    hub.started = null;
    throw error;
  });
  await hub.started;
  hub.subscribers.add(subscriber);
  return () => hub.subscribers.delete(subscriber);
}

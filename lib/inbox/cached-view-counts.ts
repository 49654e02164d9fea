import type { Ctx } from "../context";
import { subscribeLive } from "../live/listener";
import { isPresence } from "../live/types";
import { countInboxViews, countOrganizationViews } from "./view-counts";

type OrgCounts = Awaited<ReturnType<typeof countOrganizationViews>>;

// Every agent's sidebar refetches counts after each change; the organization's part is computed once per
// change and shared. A change signal from any instance (LISTEN dexra_live) drops the entry.
const MAX_AGE_MS = 60_000;
const holder = globalThis as unknown as { __dexraViewCounts?: { entries: Map<string, { at: number; value: Promise<OrgCounts> }>; subscribed: Promise<unknown> | null } };
const cache = (holder.__dexraViewCounts ??= { entries: new Map(), subscribed: null });

export async function countInboxViewsCached(ctx: Ctx, agentId: string) {
  cache.subscribed ??= subscribeLive((message) => {
    if (!isPresence(message)) cache.entries.delete(message.orgId);
  }).catch((error) => {
    cache.subscribed = null;
    throw error;
  });
  await cache.subscribed;
  let entry = cache.entries.get(ctx.orgId);
  if (!entry || Date.now() - entry.at > MAX_AGE_MS) {
    entry = { at: Date.now(), value: countOrganizationViews(ctx.orgId) };
    cache.entries.set(ctx.orgId, entry);
    entry.value.catch(() => cache.entries.delete(ctx.orgId));
  }
  return countInboxViews(ctx, agentId, await entry.value);
}

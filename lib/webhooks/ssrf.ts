import dns from "node:dns/promises";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { useAgent } from "request-filtering-agent";
import { invalid } from "../errors";

/** Operators (tests, local development) may point webhooks at loopback and private networks. */
export const allowPrivateTargets = () => process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE === "1";

/** Same rule as request-filtering-agent: only globally routable unicast addresses. */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === "unicast";
  } catch {
    return false;
  }
}

/**
 * Registration-time check: every address the host resolves to must be public. A name that does not resolve
 * (yet) is accepted; every delivery checks the addresses again at connect time, which also defeats rebinding.
 */
export async function assertWebhookTargetAllowed(url: string): Promise<void> {
  if (allowPrivateTargets()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return;
    }
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused) {
    throw invalid(`url resolves to ${refused}, a loopback, private, link-local or reserved address; webhooks must target a public address`, [
      { path: ["url"], message: "private address" },
    ]);
  }
}

/**
 * The agent checks the address actually connected to (after DNS resolution), on every delivery.
 * Cached per protocol and setting so keep-alive sockets are reused across deliveries.
 */
const agents = new Map<string, ReturnType<typeof useAgent>>();
export function deliveryAgent(url: string) {
  const allow = allowPrivateTargets();
  const key = `${url.startsWith("https:") ? "https" : "http"}:${allow}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = useAgent(url, { allowPrivateIPAddress: allow, allowMetaIPAddress: allow, keepAlive: true, maxSockets: 50 });
    agents.set(key, agent);
  }
  return agent;
}

import dns from "node:dns/promises";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { useAgent } from "request-filtering-agent";
import { invalid } from "../errors";

/** Operators (tests, local development) may point webhooks at loopback and private networks. */
export const allowPrivateTargets = () => process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE === "1";

/** Same rule as request-filtering-agent: only globally routable unicast addresses, in every spelling. */
export function isPublicAddress(address: string): boolean {
  try {
    return addressForms(address.replace(/^\[|\]$/g, "")).every((a) => a.range() === "unicast");
  } catch {
    return false;
  }
}

/**
 * The address and every IPv4 address embedded in it. An IPv6 literal can carry an IPv4 target that the
 * operating system or a NAT64/6to4 gateway will reach: IPv4-mapped (`::ffff:169.254.169.254`), IPv4-compatible
 * (`::a9fe:a9fe`, deprecated but still parsed), IPv4-translated (`::ffff:0:a9fe:a9fe`), NAT64
 * (`64:ff9b::a9fe:a9fe`, `64:ff9b:1::/48`), 6to4 (`2002:a9fe:a9fe::`) and Teredo. Decimal, octal and hex IPv4
 * spellings (`2852039166`, `0xa9fea9fe`) are read as the address they mean (ipaddr.js and WHATWG URL agree).
 */
export function addressForms(address: string): (ipaddr.IPv4 | ipaddr.IPv6)[] {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return [parsed];
  const v6 = parsed as ipaddr.IPv6;
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => ipaddr.fromByteArray([hi >> 8, hi & 255, lo >> 8, lo & 255]) as ipaddr.IPv4;
  const forms: (ipaddr.IPv4 | ipaddr.IPv6)[] = [v6];
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (p[5] === 0xffff || (p[5] === 0 && (p[6] !== 0 || p[7]! > 1)))) forms.push(v4(p[6]!, p[7]!)); // mapped, compatible
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) forms.push(v4(p[6]!, p[7]!)); // translated
  if (p[0] === 0x64 && p[1] === 0xff9b) forms.push(v4(p[6]!, p[7]!)); // NAT64, well-known and local-use
  if (p[0] === 0x2002) forms.push(v4(p[1]!, p[2]!)); // 6to4
  if (p[0] === 0x2001 && p[1] === 0) forms.push(v4(p[2]!, p[3]!), v4(p[6]! ^ 0xffff, p[7]! ^ 0xffff)); // Teredo server, client
  return forms;
}

/**
 * Registration-time check: every address the host resolves to must be public. A name that does not resolve
 * (yet) is accepted; every delivery checks the addresses again at connect time, which also defeats rebinding.
 */
export async function assertWebhookTargetAllowed(url: string): Promise<void> {
  if (allowPrivateTargets()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host) || ipaddr.isValid(host)) addresses = [host];
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

// IPv6 ranges ipaddr.js calls "unicast" although they carry an IPv4 address (IPv4-compatible and -translated):
// the connect-time check refuses them too, as isPublicAddress does at registration.
const EMBEDDED_IPV4_RANGES = ["::/96", "::ffff:0:0:0/96"];

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
    agent = useAgent(url, { allowPrivateIPAddress: allow, allowMetaIPAddress: allow, denyIPAddressList: allow ? [] : EMBEDDED_IPV4_RANGES, keepAlive: true, maxSockets: 50 });
    agents.set(key, agent);
  }
  return agent;
}

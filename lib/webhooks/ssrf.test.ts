import { afterEach, describe, expect, it } from "vitest";
import { createTestOrg } from "../testing/test-org";
import { createWebhookEndpoint } from "./endpoints";
import { deliveryAgent, isPublicAddress } from "./ssrf";

afterEach(() => {
  delete process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE;
});

// Every spelling of the cloud metadata address 169.254.169.254 (and loopback) an attacker could register.
const METADATA_FORMS = [
  "http://[::a9fe:a9fe]/", // IPv4-compatible IPv6, hex
  "http://[::169.254.169.254]/", // IPv4-compatible IPv6, dotted
  "http://[::ffff:169.254.169.254]/", // IPv4-mapped
  "http://[::ffff:a9fe:a9fe]/", // IPv4-mapped, hex
  "http://[::ffff:0:a9fe:a9fe]/", // IPv4-translated
  "http://[64:ff9b::a9fe:a9fe]/", // NAT64 well-known prefix
  "http://[64:ff9b:1::a9fe:a9fe]/", // NAT64 local-use prefix
  "http://[2002:a9fe:a9fe::1]/", // 6to4
  "http://[2001:0:4136:e378:8000:63bf:5601:5601]/", // Teredo (client 169.254.169.254... obfuscated)
  "http://2852039166/", // decimal
  "http://0xa9fea9fe/", // hex
  "http://0251.0376.0251.0376/", // octal
  "http://169.254.43518/", // two-part
  "http://0x7f.1/", // loopback, mixed
  "http://[::127.0.0.1]/",
  "http://[::7f00:1]/",
];

describe("webhook SSRF: every address form is normalized before the unicast check", () => {
  it.each(METADATA_FORMS)("refuses %s at registration", async (url) => {
    const { ctx } = await createTestOrg();
    await expect(createWebhookEndpoint(ctx, { url })).rejects.toMatchObject({ code: "validation_error", message: expect.stringMatching(/public address/) });
  });

  it("keeps public addresses, v4 and v6", async () => {
    for (const address of ["8.8.8.8", "2001:4860:4860::8888", "1.1.1.1"]) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ["::a9fe:a9fe", "::ffff:0:a9fe:a9fe", "64:ff9b::808:808", "not an address", "2852039166"]) expect(isPublicAddress(address), address).toBe(false);
    const { ctx } = await createTestOrg();
    await expect(createWebhookEndpoint(ctx, { url: "https://[2001:4860:4860::8888]/hook" })).resolves.toMatchObject({ enabled: true });
  });

  it("the delivery agent refuses IPv4-compatible and -translated targets at connect time too", async () => {
    const agent = deliveryAgent("http://x/") as unknown as { requestFilterOptions: { denyIPAddressList: string[] } };
    expect(agent.requestFilterOptions.denyIPAddressList).toEqual(["::/96", "::ffff:0:0:0/96"]);
  });
});

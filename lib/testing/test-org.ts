import { randomUUID } from "node:crypto";
import type { Ctx } from "../context";
import { createOrganization } from "../organizations/create-organization";

export const TEST_PASSWORD = "correct-horse-battery";

/** A fresh organization per test, so tests never see each other's rows. */
export async function createTestOrg(name = "Test org") {
  const suffix = randomUUID().slice(0, 8);
  const created = await createOrganization({
    name: `${name} ${suffix}`,
    ownerEmail: `owner-${suffix}@example.test`,
    ownerPassword: TEST_PASSWORD,
    ownerName: "Olive Owner",
  });
  const owner = created.owner;
  const ctx: Ctx = {
    orgId: created.organization.id,
    actor: { type: "agent", id: owner.id, name: owner.name, email: owner.email, role: owner.role },
  };
  return { ...created, ctx, orgId: created.organization.id };
}

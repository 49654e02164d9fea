import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customAttributeDefinitions, type CustomAttributeDefinition } from "@/db/schema";
import type { Ctx } from "../context";
import { invalid } from "../errors";

type Entity = CustomAttributeDefinition["entity"];
export type AttributePatch = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function problem(def: CustomAttributeDefinition, value: unknown): string | null {
  if (value === null) return def.required ? "is required and cannot be removed" : null;
  switch (def.type) {
    case "text":
      return typeof value === "string" ? null : "must be a string";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number";
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "date":
      return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : "must be an ISO 8601 date";
    case "select":
      return typeof value === "string" && def.options.includes(value) ? null : `must be one of: ${def.options.join(", ")}`;
  }
}

/**
 * Checks a custom_attributes patch against the organization's definitions for `entity`. Keys without a
 * definition are accepted as free-form values (as Intercom and Chatwoot do); `null` means "remove the key".
 */
export async function validateCustomAttributes(executor: DbOrTx, ctx: Ctx, entity: Entity, patch: AttributePatch) {
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  const definitions = await executor
    .select()
    .from(customAttributeDefinitions)
    .where(
      and(
        eq(customAttributeDefinitions.organizationId, ctx.orgId),
        eq(customAttributeDefinitions.entity, entity),
        inArray(customAttributeDefinitions.key, keys),
      ),
    );
  const details = definitions
    .map((def) => ({ def, message: problem(def, patch[def.key]) }))
    .filter((d) => d.message)
    .map((d) => ({ path: ["custom_attributes", d.def.key], message: `${d.def.key} ${d.message}` }));
  if (details.length) throw invalid(`custom_attributes.${details[0]!.message}`, details);
}

/** Applies a merge patch: present keys are set, `null` deletes the key. */
export function mergeAttributes(current: Record<string, unknown>, patch: AttributePatch) {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customAttributeDefinitions as defs } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { createDefinitionSchema, deleteDefinitionSchema, updateDefinitionSchema } from "./definitions-schemas";

export async function listDefinitions(ctx: Ctx) {
  return db.select().from(defs).where(eq(defs.organizationId, ctx.orgId)).orderBy(asc(defs.entity), asc(defs.key));
}

export async function createDefinition(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(createDefinitionSchema, input);
  const options = params.type === "select" ? params.options : [];
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(defs).values({ organizationId: ctx.orgId, ...params, options }).onConflictDoNothing().returning();
    if (!row) throw invalid(`the key ${params.key} is already defined`, [{ path: ["key"], message: "this key is already defined" }]);
    await recordAudit(tx, ctx, { action: "custom_attribute.created", targetType: "custom_attribute", targetId: row.id, data: { ...params, options } });
    return row;
  });
}

export async function updateDefinition(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, ...params } = parseInput(updateDefinitionSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(defs).where(and(eq(defs.id, id), eq(defs.organizationId, ctx.orgId))).for("update");
    if (!before) throw notFound("Custom attribute");
    if (before.type === "select" && params.options.length === 0) {
      throw invalid("a select needs at least one option", [{ path: ["options"], message: "a select needs at least one option" }]);
    }
    const options = before.type === "select" ? params.options : [];
    const [row] = await tx.update(defs).set({ ...params, options }).where(eq(defs.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: "custom_attribute.updated",
      targetType: "custom_attribute",
      targetId: id,
      data: { key: before.key, from: { label: before.label, options: before.options, required: before.required, public: before.public }, to: { ...params, options } },
    });
    return row!;
  });
}

/** Stored values stay on conversations and end users; they are simply no longer defined. */
export async function deleteDefinition(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(deleteDefinitionSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(defs).where(and(eq(defs.id, id), eq(defs.organizationId, ctx.orgId))).returning();
    if (!row) throw notFound("Custom attribute");
    await recordAudit(tx, ctx, { action: "custom_attribute.deleted", targetType: "custom_attribute", targetId: id, data: { entity: row.entity, key: row.key } });
    return { id };
  });
}

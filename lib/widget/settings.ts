import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { widgetSettings, type PreChatField } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { getLiveOrgId } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { widgetSettingsSchema } from "./schemas";

export type WidgetConfig = {
  color: string;
  position: "left" | "right";
  greeting: string;
  launcher_label: string;
  pre_chat_fields: PreChatField[];
  allowed_domains: string[];
};

export const DEFAULT_WIDGET_CONFIG: WidgetConfig = {
  color: "#4f46e5",
  position: "right",
  greeting: "Hi! How can we help?",
  launcher_label: "Chat with us",
  pre_chat_fields: [],
  allowed_domains: [],
};

type Row = { color: string; position: "left" | "right"; greeting: string; launcher_label: string; pre_chat_fields: PreChatField[]; allowed_domains: string[] };

/** The widget settings of an organization; a sandbox uses its live organization's. */
export async function getWidgetConfig(orgId: string, executor: DbOrTx = db): Promise<WidgetConfig> {
  const [row] = await rows<Row>(
    sql`select color, position, greeting, launcher_label, pre_chat_fields, allowed_domains from widget_settings
      where organization_id = (select coalesce(o.sandbox_of_id, o.id) from organizations o where o.id = ${orgId})`,
    executor,
  );
  return row ?? DEFAULT_WIDGET_CONFIG;
}

/** Admins only; audited. */
export async function updateWidgetSettings(ctx: Ctx, input: unknown): Promise<WidgetConfig> {
  assertRole(ctx, "admin");
  const params = parseInput(widgetSettingsSchema, input);
  const values = {
    color: params.color.toLowerCase(),
    position: params.position,
    greeting: params.greeting,
    launcherLabel: params.launcher_label,
    preChatFields: params.pre_chat_fields,
    allowedDomains: [...new Set(params.allowed_domains)],
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    const organizationId = await getLiveOrgId(tx, ctx.orgId);
    await tx.insert(widgetSettings).values({ organizationId, ...values }).onConflictDoUpdate({ target: widgetSettings.organizationId, set: values });
    await recordAudit(tx, ctx, { action: "widget_settings.updated", targetType: "organization", targetId: null, data: params });
    return getWidgetConfig(organizationId, tx);
  });
}

import { sql } from "drizzle-orm";
import { closeDb, rows } from "@/db/client";
import { breakdown, createdHeatmap } from "@/lib/reports/breakdown";
import { resolveReportScope } from "@/lib/reports/range";
import { listReportConversations } from "@/lib/reports/report-conversations";
import { summarize } from "@/lib/reports/summary";
import { timeseries } from "@/lib/reports/timeseries";
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";
const [org] = await rows<{ id: string }>(sql`select organization_id as id from reporting_facts group by 1 order by count(*) desc limit 1`);
const orgId = org!.id;
const [owner] = await rows<{ id: string; name: string; email: string }>(sql`select id, name, email from agents where organization_id = ${orgId} and role = 'owner' limit 1`);
const agentIds = (await rows<{ id: string }>(sql`select id from agents where organization_id = ${orgId} order by created_at`)).map((a) => a.id);
const teamIds = (await rows<{ id: string }>(sql`select id from teams where organization_id = ${orgId} order by name`)).map((a) => a.id);
const ctx = { orgId, actor: { type: "agent" as const, id: owner!.id, name: owner!.name, email: owner!.email, role: "owner" as const } };
const all = await resolveReportScope(ctx, { business_hours: false }, new Date(), { wholeDays: true }).then((s) => ({ ...s, from: new Date(Date.now() - 91 * 86_400_000) }));
const days = await resolveReportScope(ctx, { from: new Date(Date.now() - 91 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), business_hours: false });
const which = process.argv[2] ?? "";
const jobs: Record<string, () => Promise<unknown>> = {
  summary: () => summarize(all),
  summaryBiz: () => summarize({ ...all, businessHours: true }),
  summaryAgent: () => summarize({ ...all, agentId: agentIds[1]! }),
  summaryTeam: () => summarize({ ...all, teamId: teamIds[0]! }),
  tsTeam: () => timeseries({ ...days, teamId: teamIds[0]! }, "conversations_created", "day"),
  tsResolved: () => timeseries(days, "conversations_resolved", "day"),
  tsFirst: () => timeseries(days, "first_response_seconds", "day"),
  tsHour: () => timeseries(days, "conversations_created", "hour"),
  agent: () => breakdown(days, "agent"),
  team: () => breakdown(days, "team"),
  heatmap: () => createdHeatmap(all),
  drill: () => listReportConversations(all, "resolved", 1000),
};
for (const [name, fn] of Object.entries(jobs)) if (!which || which.split(",").includes(name)) { await fn(); await fn(); console.log("ran", name); }
await closeDb();

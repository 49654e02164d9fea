import type { Ctx } from "../context";
import { parseInput } from "../settings/parse";
import { resolveReportScope } from "./range";
import { listReportConversations, type ReportConversation } from "./report-conversations";
import { reportFiltersSchema } from "./schemas";

export const CSV_COLUMNS: (keyof ReportConversation)[] = [
  "id", "number", "subject", "status", "priority", "channel", "team", "assignee", "created_at", "created_in_range",
  "first_response_at", "first_response_seconds", "resolved_at", "resolution_seconds", "resolutions", "reopens",
  "rating", "rating_comment", "sla_breached",
];

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets never run a customer's text. */
function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rowsIn: ReportConversation[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rowsIn) lines.push(CSV_COLUMNS.map((c) => field(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** GET /api/v1/reports/conversations.csv and the Reports page's export: one row per conversation. */
export async function exportReportCsv(ctx: Ctx, input: unknown) {
  const scope = await resolveReportScope(ctx, parseInput(reportFiltersSchema, input));
  return { csv: toCsv(await listReportConversations(scope)), scope };
}

/** The download: a file name that says which range it holds. */
export function csvResponse({ csv, scope }: Awaited<ReturnType<typeof exportReportCsv>>) {
  const name = `dexra-conversations-${scope.from.toISOString().slice(0, 10)}-${scope.to.toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}

import { withAgent } from "@/lib/inbox/route";
import { csvResponse, exportReportCsv } from "@/lib/reports/csv";

/** The Reports page's CSV export, for a signed-in agent (plain agents get their own conversations only). */
export const GET = withAgent(async (request, session) =>
  csvResponse(await exportReportCsv(session.ctx, Object.fromEntries(new URL(request.url).searchParams))),
);

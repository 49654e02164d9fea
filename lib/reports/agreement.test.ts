import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import type { Ctx } from "../context";
import { reportHref } from "@/components/reports/format";
import { reportParams } from "@/app/reports/search-params";
import { assignConversation } from "../conversations/assign-conversation";
import { reopenConversation, resolveConversation } from "../conversations/resolve-conversation";
import { createSlaPolicy } from "../sla/manage-policies";
import { markSlaBreaches } from "../sla/mark-breaches";
import { updateOrganization } from "../organizations/manage-organization";
import { rateConversation } from "../ratings/rate-conversation";
import { breakdown, createdHeatmap } from "./breakdown";
import { exportReportCsv } from "./csv";
import { resolveReportScope } from "./range";
import { listReportConversations } from "./report-conversations";
import { loadReportDrilldown, loadReportPage } from "./report-page";
import { slaAttainmentPct } from "./sla-attainment";
import { getReportSummary } from "./summary";
import { getReportTimeseries } from "./timeseries";
import { createReportsOrg, customerConversation, customerWrites, reply } from "./testing";

function parseCsv(text: string) {
  const [header, ...lines] = text.trim().split("\r\n");
  const columns = header!.split(",");
  // The fixtures hold no commas or quotes, so a plain split reads them.
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i]!, v])));
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return Math.round((s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2);
};

async function busyOrg() {
  const org = await createReportsOrg();
  const made = [];
  for (let i = 0; i < 8; i++) made.push(await customerConversation(org.ctx, `Case ${i}`, 600 * (i + 1)));
  for (const c of made.slice(0, 6)) await reply(org.agentCtx, c.id);
  await assignConversation(org.ctx, made[0]!.id, { agent: { id: org.agent.id } });
  for (const c of made.slice(0, 4)) await resolveConversation(org.ctx, c.id);
  // Resolved twice: still one resolved conversation, measured by its last resolution.
  await customerWrites(org.ctx, made[0]!.id, "case-0@example.test");
  await resolveConversation(org.ctx, made[0]!.id);
  await rateConversation(org.ctx, made[0]!.id, { score: 5 });
  await rateConversation(org.ctx, made[1]!.id, { score: 2, comment: "slow" });
  await rateConversation(org.ctx, made[1]!.id, { score: 4 });
  await rateConversation(org.ctx, made[2]!.id, { score: 3 });
  return { org, made };
}

/**
 * Each bar's count = its drill-down's rows, through the link the page builds (app/reports/page.tsx) and the params
 * the drill-down page reads; the conversation ids per bar (sorted).
 */
async function barsAgree(ctx: Ctx, report: Awaited<ReturnType<typeof loadReportPage>>) {
  const links = { from: report.scope.from.toISOString(), to: report.scope.to.toISOString(), time_zone: report.scope.timeZone, business_hours: false, team: null, agent: null };
  const drilled = async (metric: string, window: { from: string; to: string }) => {
    const href = reportHref("/reports/conversations", links, { metric, occurred_from: window.from, occurred_to: window.to });
    const params = reportParams(Object.fromEntries(new URL(href, "http://localhost").searchParams));
    return (await loadReportDrilldown(ctx, params)).conversations.map((c) => c.id).sort();
  };
  const byBar: string[][] = [];
  for (const p of report.series) {
    if (!p.window) {
      byBar.push([]);
      continue;
    }
    const resolved = await drilled("resolved", p.window);
    expect(resolved, `resolved ${p.start}`).toHaveLength(p.resolved);
    expect(await drilled("created", p.window), `created ${p.start}`).toHaveLength(p.created);
    byBar.push(resolved);
  }
  return { links: { from: links.from, to: links.to, time_zone: links.time_zone }, byBar };
}

describe("reports agree", () => {
  it("summary = CSV = drill-down = chart on the same data", async () => {
    const { org } = await busyOrg();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const summary = await getReportSummary(org.ctx, range);
    expect(summary).toMatchObject({ conversations_created: 8, conversations_resolved: 4, csat: { responses: 3, average: 4, satisfied_pct: 66.7 } });

    const csv = parseCsv((await exportReportCsv(org.ctx, range)).csv);
    expect(csv.filter((r) => r.created_in_range === "true")).toHaveLength(summary.conversations_created);
    expect(csv.filter((r) => r.resolved_at)).toHaveLength(summary.conversations_resolved);
    expect(csv.filter((r) => r.rating)).toHaveLength(summary.csat.responses);
    expect(median(csv.filter((r) => r.first_response_seconds).map((r) => Number(r.first_response_seconds)))).toBe(summary.first_response_seconds.median);
    expect(median(csv.filter((r) => r.resolution_seconds).map((r) => Number(r.resolution_seconds)))).toBe(summary.resolution_seconds.median);

    const scope = await resolveReportScope(org.ctx, { ...range, business_hours: false });
    expect(await listReportConversations(scope, "created")).toHaveLength(summary.conversations_created);
    expect(await listReportConversations(scope, "resolved")).toHaveLength(summary.conversations_resolved);
    expect(await listReportConversations(scope, "rated")).toHaveLength(summary.csat.responses);
    expect(await listReportConversations(scope, "satisfied")).toHaveLength(2);

    for (const [metric, total] of [["conversations_created", 8], ["conversations_resolved", 4]] as const) {
      const series = await getReportTimeseries(org.ctx, { ...range, metric, interval: "hour" });
      expect(series.points.reduce((sum, p) => sum + (p.value ?? 0), 0)).toBe(total);
    }
  });

  it("every row of the agent and team tables drills down to the conversations it counts, \"Unassigned\" and \"No team\" included", async () => {
    const { org } = await busyOrg();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const scope = await resolveReportScope(org.ctx, { ...range, business_hours: false });
    const links = { from: range.from, to: range.to, time_zone: scope.timeZone, business_hours: false, team: null, agent: null };
    const drilled = async (filter: Record<string, string>, metric: string) => {
      const href = reportHref("/reports/conversations", { ...links, ...filter }, { metric });
      return (await loadReportDrilldown(org.ctx, reportParams(Object.fromEntries(new URL(href, "http://localhost").searchParams)))).conversations;
    };
    let ownerless = 0;
    for (const by of ["agent", "team"] as const) {
      for (const row of await breakdown(scope, by)) {
        if (!row.id) ownerless++;
        const filter = { [by]: row.id ?? "none" };
        expect(await drilled(filter, "first_response"), `${by} ${row.name} first responses`).toHaveLength(row.first_responses);
        expect(await drilled(filter, "resolved"), `${by} ${row.name} resolved`).toHaveLength(row.resolved);
        expect(await drilled(filter, "rated"), `${by} ${row.name} rated`).toHaveLength(row.csat_responses);
      }
    }
    // The org has no teams: its whole work is "No team", which a link without the filter happened to match too.
    expect(ownerless).toBeGreaterThanOrEqual(1);
    const unassigned = (await breakdown(scope, "agent")).find((row) => !row.id);
    const all = await drilled({}, "resolved");
    if (unassigned) expect(unassigned.resolved).toBeLessThan(all.length);
  });

  it("SLA: the attainment card's breaches = its drill-down = the CSV's breached rows", async () => {
    const org = await createReportsOrg();
    await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "5", business_hours: false });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await customerConversation(org.ctx, `Sla ${i}`));
    await reply(org.agentCtx, made[0]!.id);
    expect(await markSlaBreaches(new Date(Date.now() + 10 * 60_000), { organizationIds: [org.orgId] })).toBe(2);

    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const summary = await getReportSummary(org.ctx, range);
    expect(summary.sla).toEqual({ applicable: 3, breached: 2 });
    expect(slaAttainmentPct(summary.sla)).toBe(33.3);
    const scope = await resolveReportScope(org.ctx, { ...range, business_hours: false });
    const drilled = await listReportConversations(scope, "sla_breached");
    expect(drilled.map((c) => c.id).sort()).toEqual([made[1]!.id, made[2]!.id].sort());
    const csv = parseCsv((await exportReportCsv(org.ctx, range)).csv);
    expect(csv.filter((r) => r.sla_breached === "true")).toHaveLength(summary.sla.breached);
  });

  it("SLA: breaches count within the range's covered conversations, not those of conversations created before it", async () => {
    const org = await createReportsOrg();
    await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "5", business_hours: false });
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await customerConversation(org.ctx, `Old or new ${i}`));
    await reply(org.agentCtx, made[0]!.id);
    expect(await markSlaBreaches(new Date(Date.now() + 10 * 60_000), { organizationIds: [org.orgId] })).toBe(3);
    // made[2] and made[3] were created three days ago: their breaches fall in the range, their creations do not.
    for (const old of [made[2]!, made[3]!]) {
      await db.execute(sql`update conversations set created_at = created_at - interval '3 days' where id = ${old.id}`);
      await db.execute(sql`update reporting_facts set occurred_at = occurred_at - interval '3 days' where conversation_id = ${old.id} and kind = 'conversation_created'`);
    }

    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const summary = await getReportSummary(org.ctx, range);
    // Two created in the range under the policy, one of them breached: 50 %, not "3 breached of 2" at 0 %.
    expect(summary.sla).toEqual({ applicable: 2, breached: 1 });
    expect(slaAttainmentPct(summary.sla)).toBe(50);
    // The card's "1 breached" opens that one conversation.
    const drilled = await loadReportDrilldown(org.ctx, { ...range, metric: "sla_breached" });
    expect(drilled.conversations.map((c) => c.id)).toEqual([made[1]!.id]);
    // The CSV still says which conversations had a target breached in the range; those created in it are the card's.
    const csv = parseCsv((await exportReportCsv(org.ctx, range)).csv);
    expect(csv.filter((r) => r.sla_breached === "true")).toHaveLength(3);
    expect(csv.filter((r) => r.sla_breached === "true" && r.created_in_range === "true")).toHaveLength(summary.sla.breached);
  });

  it("each bar of the chart drills down to exactly the conversations it counts, judged against the range's end", async () => {
    const org = await createReportsOrg();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const twice = await customerConversation(org.ctx, "Resolved twice");
    const once = await customerConversation(org.ctx, "Resolved once");
    await resolveConversation(org.ctx, twice.id);
    await reopenConversation(org.ctx, twice.id);
    await resolveConversation(org.ctx, twice.id);
    await resolveConversation(org.ctx, once.id);
    // Day 1: `twice` resolved, reopened; `once` resolved. Day 3: `twice` resolved again (its last resolution).
    const at = (d: number, hour: string) => `${day(d)}T${hour}:00:00Z`;
    await db.execute(sql`update reporting_facts f set occurred_at = v.at::timestamptz, superseded_at = v.sup::timestamptz
      from (select id, row_number() over (order by id) as n from reporting_facts where conversation_id = ${twice.id} and kind in ('resolved', 'reopened')) r,
        (values (1, ${at(-2, "12")}, ${at(0, "01")}), (2, ${at(-2, "13")}, null), (3, ${at(0, "01")}, null)) v(n, at, sup)
      where f.id = r.id and r.n = v.n`);
    await db.execute(sql`update reporting_facts set occurred_at = ${at(-2, "14")}::timestamptz where conversation_id = ${once.id} and kind = 'resolved'`);

    const report = await loadReportPage(org.ctx, { from: day(-2), to: day(1), time_zone: "UTC" });
    expect(report.series.map((p) => p.resolved)).toEqual([1, 0, 1]);
    expect(report.series.map((p) => p.created)).toEqual([0, 0, 2]);
    const { links, byBar } = await barsAgree(org.ctx, report);
    expect(byBar).toEqual([[once.id], [], [twice.id]]);
    // The trap: a scope narrowed to day 1 would judge `twice`'s first resolution as its last and list it there too.
    const dayOne = { ...report.scope, to: new Date(report.series[1]!.start) };
    expect(await listReportConversations(dayOne, "resolved")).toHaveLength(2);

    await expect(loadReportDrilldown(org.ctx, { ...links, metric: "resolved", occurred_from: report.series[1]!.start }))
      .rejects.toMatchObject({ code: "validation_error" });
    await expect(loadReportDrilldown(org.ctx, { ...links, metric: "resolved", occurred_from: links.to, occurred_to: links.from }))
      .rejects.toMatchObject({ code: "validation_error" });
  });

  it("hourly bars agree across daylight-saving changes: a repeated hour is one bar, a skipped one opens nothing", async () => {
    const org = await createReportsOrg();
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await customerConversation(org.ctx, `Clock ${i}`));
      await resolveConversation(org.ctx, made[i]!.id);
    }
    const resolvedAt = async (id: string, at: string) =>
      db.execute(sql`update reporting_facts set occurred_at = ${at}::timestamptz where conversation_id = ${id} and kind = 'resolved'`);
    // New York, 2026-11-01: 00:30 EDT, then 01:30 EDT and 01:30 EST (the hour repeated when clocks go back).
    await resolvedAt(made[0]!.id, "2026-11-01T04:30:00Z");
    await resolvedAt(made[1]!.id, "2026-11-01T05:30:00Z");
    await resolvedAt(made[2]!.id, "2026-11-01T06:30:00Z");
    const autumn = await loadReportPage(org.ctx, { from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", time_zone: "America/New_York" });
    expect(autumn.interval).toBe("hour");
    const { byBar } = await barsAgree(org.ctx, autumn);
    expect(byBar.filter((ids) => ids.length)).toEqual([[made[0]!.id], [made[1]!.id, made[2]!.id].sort()]);

    // 2026-03-08: 02:00 never happens; 03:00 EDT follows 01:59 EST. The skipped hour's bar is empty and has no link.
    await resolvedAt(made[0]!.id, "2026-03-08T07:30:00Z");
    const spring = await loadReportPage(org.ctx, { from: "2026-03-08T00:00:00Z", to: "2026-03-09T00:00:00Z", time_zone: "America/New_York" });
    const skipped = spring.series.filter((p) => p.window === null);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ created: 0, resolved: 0 });
    expect((await barsAgree(org.ctx, spring)).byBar.flat()).toEqual([made[0]!.id]);
  });

  it("each busiest-hours cell drills down to the conversations it counts, in the report's time zone", async () => {
    const { org } = await busyOrg();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    // A half-hour time zone: a cell is a local hour, not a UTC one.
    const scope = await resolveReportScope(org.ctx, { ...range, time_zone: "Asia/Kolkata", business_hours: false });
    const cells = await createdHeatmap(scope);
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(8);
    for (const cell of cells) {
      const drilled = await loadReportDrilldown(org.ctx, { ...range, time_zone: "Asia/Kolkata", metric: "created", weekday: String(cell.dow), hour: String(cell.hour) });
      expect(drilled.conversations, `${cell.dow} ${cell.hour}`).toHaveLength(cell.count);
    }
    const empty = [0, 1, 2, 3, 4, 5, 6].flatMap((dow) => Array.from({ length: 24 }, (_, hour) => ({ dow, hour }))).find((s) => !cells.some((c) => c.dow === s.dow && c.hour === s.hour))!;
    expect((await loadReportDrilldown(org.ctx, { ...range, time_zone: "Asia/Kolkata", metric: "created", weekday: String(empty.dow), hour: String(empty.hour) })).conversations).toEqual([]);
    await expect(loadReportDrilldown(org.ctx, { ...range, metric: "created", weekday: "2" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(loadReportDrilldown(org.ctx, { ...range, metric: "resolved", weekday: "2", hour: "9" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(loadReportDrilldown(org.ctx, { ...range, metric: "created", weekday: "7", hour: "9" })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("reads whole days from the daily roll-up with the same counts as the facts", async () => {
    const { org } = await busyOrg();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const days = { from: day(-2), to: day(2), metric: "conversations_created" as const };
    const rolled = await getReportTimeseries(org.ctx, days);
    const counted = await getReportTimeseries(org.ctx, { ...days, team: undefined, time_zone: "Etc/GMT+1" });
    expect(rolled.points).toHaveLength(4);
    expect(rolled.points.reduce((s, p) => s + p.value!, 0)).toBe(8);
    expect(counted.points.reduce((s, p) => s + p.value!, 0)).toBe(8);

    // The per-agent table's reply counts come from the roll-up for whole days, from the facts otherwise: the same.
    const wholeDays = await resolveReportScope(org.ctx, { from: days.from, to: days.to, business_hours: false });
    const fromRollup = await breakdown(wholeDays, "agent");
    const fromFacts = await breakdown({ ...wholeDays, orgTimeZone: "Etc/GMT+1" }, "agent");
    expect(fromRollup.find((r) => r.id === org.agent.id)).toMatchObject({ replies: 6, first_responses: 6 });
    expect(fromRollup).toEqual(fromFacts);

    // A new time zone moves facts to other local days: the roll-up is rebuilt with the change and still agrees.
    await updateOrganization(org.ctx, { name: "Reports tz", timeZone: "Pacific/Kiritimati", rateLimitPerMinute: 600 });
    const [mismatch] = await rows<{ n: number }>(sql`select count(*)::int as n from (
        select (f.occurred_at at time zone 'Pacific/Kiritimati')::date as day, count(*)::int as n from reporting_facts f
        where f.organization_id = ${org.orgId} and f.kind = 'conversation_created' group by 1) f
      full join (select day, sum(count)::int as n from reporting_daily where organization_id = ${org.orgId} and kind = 'conversation_created' group by 1) d
        on d.day = f.day where f.n is distinct from d.n`);
    expect(mismatch!.n).toBe(0);
  });

  it("shows an agent only their own numbers and never another organization's", async () => {
    const { org } = await busyOrg();
    const other = await createReportsOrg();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString() };
    expect(await getReportSummary(other.ctx, range)).toMatchObject({ conversations_created: 0, conversations_resolved: 0, csat: { responses: 0 } });
    expect((await exportReportCsv(other.ctx, range)).csv.trim().split("\r\n")).toHaveLength(1);
    // A team or agent id of another organization finds nothing either.
    expect(await getReportSummary(other.ctx, { ...range, agent: org.agent.id })).toMatchObject({ conversations_created: 0 });

    // The plain agent asked for everyone but sees what they did: six first responses, one assigned conversation.
    const own = await getReportSummary(org.agentCtx, range);
    expect(own.conversations_created).toBe(1);
    const [firsts] = await rows<{ n: number }>(sql`select count(*)::int as n from reporting_facts where organization_id = ${org.orgId} and kind = 'first_response' and agent_id = ${org.agent.id}`);
    expect(firsts!.n).toBe(6);
    expect(own.first_response_seconds.median).not.toBeNull();
  });

  it("refuses bad filters with a validation error", async () => {
    const org = await createReportsOrg();
    await expect(getReportSummary(org.ctx, { from: "yesterday" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(getReportSummary(org.ctx, { from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(getReportSummary(org.ctx, { time_zone: "Mars/Olympus" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(getReportSummary(org.ctx, { nope: 1 })).rejects.toMatchObject({ code: "validation_error" });
    await expect(getReportTimeseries(org.ctx, { metric: "everything" })).rejects.toMatchObject({ code: "validation_error" });
    void db;
  });
});

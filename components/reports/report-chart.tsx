"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A bucket's counts, with the drill-downs to the conversations behind each bar (null for an hour the clocks skip). */
export type ChartPoint = { start: string; created: number; resolved: number; createdHref: string | null; resolvedHref: string | null };

/** Conversations created and resolved per day (or hour), drawn with recharts; a bar opens its conversations. */
export function ReportChart({ points, interval, timeZone }: { points: ChartPoint[]; interval: "day" | "hour"; timeZone: string }) {
  const router = useRouter();
  const open = (href: string | null) => href && router.push(href);
  const label = new Intl.DateTimeFormat("en-GB", interval === "day" ? { timeZone, day: "numeric", month: "short" } : { timeZone, hour: "2-digit", minute: "2-digit", day: "numeric" });
  const data = points.map((p) => ({ ...p, label: label.format(new Date(p.start)) }));
  return (
    <div className="h-64 w-full" data-testid="report-chart" role="img" aria-label={`Conversations created and resolved per ${interval}; click a bar to see its conversations`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" strokeOpacity={0.5} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="created" name="Created" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(data[i]!.createdHref)} />
          <Bar dataKey="resolved" name="Resolved" fill="#10b981" radius={[3, 3, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(data[i]!.resolvedHref)} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

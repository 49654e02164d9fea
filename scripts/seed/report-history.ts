/**
 * Ninety days of closed conversations for the demo's Reports page: arrivals shaped by weekday and hour, replies
 * mostly inside business hours (Mon–Fri 09:00–17:00), resolutions, a few reopens, and ratings with comments.
 * Rows are inserted as history; dexra_report_backfill then writes their reporting facts by the same SQL rules.
 */
import type { Agent, Team } from "../../db/schema/index";
import * as s from "../../db/schema/index";
import { db } from "../../db/client";
import { THREADS } from "./content";

const COMMENTS = {
  good: ["Quick and friendly, thanks!", "Sorted in minutes.", "Great support as always.", "Very clear explanation."],
  bad: ["Took days to get an answer.", "Had to explain it three times.", "Still not fixed."],
};

type Ctx = { orgId: string; agents: Agent[]; teams: Team[]; users: { id: string; email: string | null }[]; rand: () => number; firstNumber: number };

const HOUR = 3600_000;
const MIN = 60_000;

/** The next instant inside Mon–Fri 09:00–17:00 UTC at or after `t`. */
function nextOpen(t: number) {
  let d = new Date(t);
  for (let i = 0; i < 10; i++) {
    const day = d.getUTCDay();
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    if (day >= 1 && day <= 5 && hour >= 9 && hour < 17) return d.getTime();
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + (hour >= 9 || day === 0 || day === 6 ? 1 : 0), 9, 0));
    d = next;
  }
  return d.getTime();
}

export async function seedReportHistory({ orgId, agents, teams, users, rand, firstNumber }: Ctx) {
  const now = Date.now();
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const conversations: (typeof s.conversations.$inferInsert)[] = [];
  const plans: { at: number; firstReply: number; resolved: number; reopened: boolean; rating: number | null; agent: Agent }[] = [];
  let number = firstNumber;
  for (let day = 90; day >= 2; day--) {
    const date = new Date(now - day * 86_400_000);
    const weekday = date.getUTCDay();
    const volume = weekday === 0 || weekday === 6 ? 3 + Math.floor(rand() * 3) : 9 + Math.floor(rand() * 7);
    for (let i = 0; i < volume; i++) {
      // Arrivals cluster in the working day, with a tail in the evening and night.
      const hour = rand() < 0.8 ? 8 + rand() * 10 : rand() * 24;
      const at = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + hour * HOUR;
      const agent = pick(agents);
      const slow = rand() < 0.08;
      const firstReply = nextOpen(at + 5 * MIN) + (slow ? 20 * HOUR : (5 + rand() * 80) * MIN);
      const resolved = firstReply + (rand() < 0.6 ? (10 + rand() * 120) * MIN : (4 + rand() * 40) * HOUR);
      const score = rand() < 0.4 ? (slow ? pick([1, 2, 3]) : pick([3, 4, 4, 5, 5, 5])) : null;
      const thread = pick(THREADS);
      conversations.push({
        organizationId: orgId, number: number++, subject: thread.subject.replace("{n}", String(20_000 + number)), status: "closed",
        priority: pick(["low", "normal", "normal", "high"] as const), channel: pick(["web", "email", "email", "api"] as const),
        requesterId: pick(users).id, assigneeId: agent.id, teamId: thread.tags.includes("billing") ? teams[1]!.id : teams[0]!.id,
        createdAt: new Date(at), updatedAt: new Date(resolved), lastMessageAt: new Date(firstReply), resolvedAt: new Date(resolved),
        lastMessagePreview: thread.reply.slice(0, 140),
      });
      plans.push({ at, firstReply, resolved, reopened: rand() < 0.05, rating: score, agent });
    }
  }
  const rowsIn = await db.insert(s.conversations).values(conversations).returning({ id: s.conversations.id, requesterId: s.conversations.requesterId, subject: s.conversations.subject });
  const messages: (typeof s.messages.$inferInsert)[] = [];
  const activities: (typeof s.activities.$inferInsert)[] = [];
  const ratings: (typeof s.ratings.$inferInsert)[] = [];
  rowsIn.forEach((c, i) => {
    const p = plans[i]!;
    const user = users.find((u) => u.id === c.requesterId)!;
    const thread = THREADS.find((t) => c.subject.startsWith(t.subject.split("{n}")[0]!)) ?? THREADS[0]!;
    const base = { organizationId: orgId, conversationId: c.id };
    messages.push({ ...base, direction: "inbound", type: "reply", body: thread.opener.replace("{n}", "4711"), authorEndUserId: user.id, senderEmail: user.email, createdAt: new Date(p.at) });
    messages.push({ ...base, direction: "outbound", type: "reply", body: thread.reply, authorAgentId: p.agent.id, senderEmail: p.agent.email, createdAt: new Date(p.firstReply) });
    const agentActivity = { ...base, actorType: "agent" as const, actorId: p.agent.id, actorName: p.agent.name };
    activities.push({ ...base, actorType: "end_user", actorId: user.id, actorName: user.email, action: "created", data: {}, createdAt: new Date(p.at) });
    if (p.reopened) {
      const early = p.firstReply + 20 * MIN;
      activities.push({ ...agentActivity, action: "status_changed", data: { from: "open", to: "closed" }, createdAt: new Date(early) });
      activities.push({ ...agentActivity, action: "status_changed", data: { from: "closed", to: "open" }, createdAt: new Date(early + 2 * HOUR) });
    }
    activities.push({ ...agentActivity, action: "status_changed", data: { from: "open", to: "closed" }, createdAt: new Date(p.resolved) });
    if (p.rating) {
      const comment = rand() < 0.4 ? pick(p.rating >= 4 ? COMMENTS.good : COMMENTS.bad) : null;
      const ratedAt = new Date(p.resolved + 30 * MIN);
      ratings.push({ organizationId: orgId, conversationId: c.id, endUserId: user.id, score: p.rating, comment, createdAt: ratedAt, updatedAt: ratedAt });
    }
  });
  for (let i = 0; i < messages.length; i += 1000) await db.insert(s.messages).values(messages.slice(i, i + 1000));
  for (let i = 0; i < activities.length; i += 1000) await db.insert(s.activities).values(activities.slice(i, i + 1000));
  if (ratings.length) await db.insert(s.ratings).values(ratings);
  return { conversations: rowsIn.length, lastNumber: number - 1 };
}

import { describe, expect, it } from "vitest";
import { describeActivity, type Activity } from "./activity-wording";

const activity = (action: string, actor: Activity["actor"], data: Record<string, unknown> = {}): Activity => ({ id: "1", action, actor, data, created_at: "" });
const sarah = { type: "agent", id: "a1", name: "Sarah Connor" };
const key = { type: "api_key", id: "k1", name: "Default server key" };

const line = (a: Activity) => {
  const { who, what } = describeActivity(a);
  return who ? `${who} ${what}` : what;
};

describe("activity wording", () => {
  it("says 'assigned it to themselves' for a claim or a self-assignment, and names anyone else", () => {
    expect(line(activity("claimed", sarah, { agent_id: "a1", agent_name: "Sarah Connor" }))).toBe("Sarah Connor assigned it to themselves");
    expect(line(activity("assigned", sarah, { agent_id: "a1", agent_name: "Sarah Connor" }))).toBe("Sarah Connor assigned it to themselves");
    expect(line(activity("assigned", sarah, { agent_id: "a2", agent_name: "Sam Rivera" }))).toBe("Sarah Connor assigned it to Sam Rivera");
    expect(line(activity("assigned", sarah, { agent_id: null, agent_name: null }))).toBe("Sarah Connor unassigned it");
  });

  it("words changes made with an API key as 'via API', never with the key's name", () => {
    expect(line(activity("message", key, { direction: "inbound" }))).toBe("Customer wrote a message via API");
    expect(line(activity("message", key, { direction: "outbound" }))).toBe("Reply sent via API");
    expect(line(activity("created", key, { channel: "api" }))).toBe("Conversation created via API");
    expect(line(activity("status_changed", key, { from: "open", to: "closed" }))).toBe("API changed status open → closed");
    expect(line(activity("message", key, { direction: "inbound" }))).not.toContain("Default server key");
  });
});

import { describe, expect, it } from "vitest";
import { REDACTED, scrubJson } from "./scrub";

describe("scrubJson", () => {
  it("keeps ids, the app's timestamps, enum words, numbers and keys; replaces every other text", () => {
    const id = "0f3a1c2e-1111-4222-8333-444455556666";
    expect(
      scrubJson({
        conversation_id: id,
        message_text: "my card 4111",
        created_at: "2026-11-30T10:00:00.000Z",
        from: "open",
        to: "Refund for Jane",
        sequence: 7,
        message: { sender_email: "jane@example.com", direction: "inbound", body: "2026-11-30T10:00:00Z" },
        tags: ["vip", "urgent"],
      }),
    ).toEqual({
      conversation_id: id,
      message_text: REDACTED,
      created_at: "2026-11-30T10:00:00.000Z",
      from: "open",
      to: REDACTED,
      sequence: 7,
      message: { sender_email: REDACTED, direction: "inbound", body: REDACTED },
      tags: [REDACTED, "urgent"],
    });
  });

  it("empties customer-defined objects whatever their values look like", () => {
    expect(scrubJson({ custom_attributes: { birthday: "1990-01-01", ltv: 1200, vip: true, note: null }, changes: { email: "a@b.c", status: "open" } })).toEqual({
      custom_attributes: { birthday: REDACTED, ltv: REDACTED, vip: REDACTED, note: null },
      changes: { email: REDACTED, status: REDACTED },
    });
  });
});

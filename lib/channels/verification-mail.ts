import type { Transporter } from "nodemailer";
import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import { verificationCode, VERIFICATION_TTL_HOURS } from "./verification-code";

export type ClaimedVerification = { id: string; address: string; name: string; nonce: string; attempt: number; lease: string };

/**
 * Due verification mails, leased like outbound email_messages (SKIP LOCKED + a lease that outlasts an SMTP
 * attempt), so two workers never mail one code twice at once. The row is the durable queue: committed with the
 * channel (or the resend), retried on failure until the code expires.
 */
export async function claimDueVerifications(limit: number, leaseMs: number, organizationIds?: string[]): Promise<ClaimedVerification[]> {
  return rows<ClaimedVerification>(sql`
    with due as (
      select id from channels
      where verification_next_attempt_at is not null and verification_next_attempt_at <= now() and status = 'pending'
        and verification_nonce is not null and verification_expires_at > now()
        and (verification_locked_until is null or verification_locked_until < now())
        ${organizationIds?.length ? sql`and organization_id in ${organizationIds}` : sql``}
      order by verification_next_attempt_at
      limit ${limit}
      for update skip locked
    )
    update channels c
    set verification_locked_until = now() + ${leaseMs}::float8 * interval '1 millisecond', verification_attempts = c.verification_attempts + 1
    from due where c.id = due.id
    returning c.id, c.address, c.name, c.verification_nonce as nonce, c.verification_attempts as attempt, c.verification_locked_until::text as lease`);
}

/**
 * Settles a lease. The outcome is recorded only if the code mailed is still the channel's: when another
 * organization verified the address meanwhile, its note to this channel must not be overwritten by the result of
 * mailing an obsolete code. (A resend meanwhile also clears the lease, so the lease check alone already skips it.)
 */
function settle(claim: ClaimedVerification, outcome: { sentAt: SQL; nextAttemptAt: SQL; error: SQL }) {
  const current = sql`verification_nonce is not distinct from ${claim.nonce}`;
  return rows(sql`update channels set verification_locked_until = null,
      verification_sent_at = case when ${current} then ${outcome.sentAt} else verification_sent_at end,
      verification_next_attempt_at = case when ${current} then ${outcome.nextAttemptAt} else verification_next_attempt_at end,
      verification_error = case when ${current} then ${outcome.error} else verification_error end
    where id = ${claim.id} and verification_locked_until = ${claim.lease}::timestamptz`);
}

export async function markVerificationSent(claim: ClaimedVerification) {
  await settle(claim, { sentAt: sql`now()`, nextAttemptAt: sql`null`, error: sql`null` });
}

export async function markVerificationFailed(claim: ClaimedVerification, error: string, retryInMs: number | null) {
  await settle(claim, {
    sentAt: sql`verification_sent_at`,
    nextAttemptAt: retryInMs === null ? sql`null` : sql`now() + ${retryInMs}::float8 * interval '1 millisecond'`,
    error: sql`${error.slice(0, 1000)}`,
  });
}

/**
 * The verification mail goes to the address itself, from itself, through the same SMTP transport as replies.
 * Whoever reads that mailbox gets the code; if the address forwards to Dexra, the mail comes back on the inbound
 * path and verifies the channel by itself. Marked auto-generated so no auto-responder answers it.
 */
export async function sendVerificationMail(transport: Transporter, claim: ClaimedVerification) {
  const code = verificationCode(claim.id, claim.nonce);
  return transport.sendMail({
    from: { name: `${claim.name} (Dexra verification)`, address: claim.address },
    to: claim.address,
    subject: `Verify ${claim.address} for Dexra: ${code}`,
    text: [
      `Someone added ${claim.address} as an email channel ("${claim.name}") in Dexra.`,
      "",
      `Verification code: ${code}`,
      "",
      `To confirm that this organization receives this address's mail, enter the code in Dexra under Settings → Channels (or POST it to /api/v1/channels/{id}/verify/). It is good for ${VERIFICATION_TTL_HOURS} hours.`,
      "If this address forwards its mail to Dexra, this message verifies the channel by itself on arrival.",
      "If you did not expect this, ignore it: no mail to or from this address goes through Dexra until it is verified.",
    ].join("\n"),
    headers: { "X-Dexra-Channel-Verification": code, "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
  });
}

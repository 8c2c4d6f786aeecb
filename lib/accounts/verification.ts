import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMail, kickOutbox } from "@/lib/mail/outbox";
import { LIMITS, take } from "./rate-limit";
import { consumeToken, issueToken, type TokenRefusal } from "./tokens";
import { withTransaction } from "./tx";

/** The link in verification and email-change mails. */
export function verifyLink(raw: string): string {
  return `${env.APP_URL}/verify-email?token=${raw}`;
}

/** Writes a verification link for the player's current email to the outbox (in `tx`). */
export async function queueVerificationMail(
  tx: pg.PoolClient,
  player: { id: number; email: string; nick: string; language: string | null },
): Promise<void> {
  const raw = await issueToken(tx, { playerId: player.id, purpose: "verify_email", email: player.email });
  await enqueueMail(tx, {
    to: player.email,
    template: "verify_email",
    params: { nick: player.nick, link: verifyLink(raw) },
    playerId: player.id,
  });
}

/** After sign-up: the first verification mail. Never throws into the caller's flow (a failure is logged). */
export async function sendVerificationMail(playerId: number): Promise<void> {
  const r = await pool.query<{ id: number; email: string; nick: string; language: string | null; verified: boolean }>(
    `SELECT id, email, nick, language, email_verified_at IS NOT NULL AS verified FROM players WHERE id = $1`,
    [playerId],
  );
  const player = r.rows[0];
  if (!player || player.verified) return;
  await withTransaction((tx) => queueVerificationMail(tx, player));
  kickOutbox();
}

export type ResendResult = { ok: true } | { ok: false; reason: "verified" } | { ok: false; reason: "limited"; retryAt: Date };

/** "Resend": at most one mail a minute and five an hour per player. */
export async function resendVerificationMail(playerId: number): Promise<ResendResult> {
  const r = await pool.query<{ verified: boolean }>(`SELECT email_verified_at IS NOT NULL AS verified FROM players WHERE id = $1`, [
    playerId,
  ]);
  if (r.rows[0]?.verified) return { ok: false, reason: "verified" };
  const limited = await take([
    { limit: LIMITS.verifyResendBurst, subject: String(playerId) },
    { limit: LIMITS.verifyResend, subject: String(playerId) },
  ]);
  if (!limited.ok) return { ok: false, reason: "limited", retryAt: limited.retryAt };
  await sendVerificationMail(playerId);
  return { ok: true };
}

export async function isEmailVerified(playerId: number): Promise<boolean> {
  const r = await pool.query<{ verified: boolean }>(`SELECT email_verified_at IS NOT NULL AS verified FROM players WHERE id = $1`, [
    playerId,
  ]);
  return r.rows[0]?.verified ?? false;
}

export type VerifyResult =
  | { ok: true; kind: "verified" | "email-changed"; email: string }
  | { ok: false; reason: TokenRefusal | "email-taken" | "stale" };

/**
 * Uses a link from a verification or email-change mail. A verification link only counts for the
 * address it was sent to (after an email change an older link is stale). An email-change link
 * switches the account to the new (now proven) address and tells the old one.
 */
export async function followVerifyLink(raw: string): Promise<VerifyResult> {
  try {
    const result = await withTransaction(async (tx): Promise<VerifyResult> => {
      const token = await consumeToken(tx, raw, ["verify_email", "change_email"]);
      if (!token.ok) return token;
      const p = await tx.query<{ email: string; nick: string; language: string | null }>(
        `SELECT email, nick, language FROM players WHERE id = $1 FOR UPDATE`,
        [token.playerId],
      );
      const player = p.rows[0];
      if (!player) return { ok: false, reason: "invalid" };
      if (token.purpose === "verify_email") {
        if (player.email !== token.email) return { ok: false, reason: "stale" };
        await tx.query(`UPDATE players SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1`, [
          token.playerId,
        ]);
        return { ok: true, kind: "verified", email: player.email };
      }
      await tx.query(`UPDATE players SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1`, [
        token.playerId,
        token.email,
      ]);
      // Other pending links were sent for the old address.
      await tx.query(`DELETE FROM account_tokens WHERE player_id = $1 AND used_at IS NULL AND purpose <> 'change_email'`, [token.playerId]);
      await enqueueMail(tx, {
        to: player.email,
        template: "email_changed",
        params: { nick: player.nick, newEmail: token.email },
        playerId: token.playerId,
        language: player.language,
      });
      return { ok: true, kind: "email-changed", email: token.email };
    });
    if (result.ok && result.kind === "email-changed") kickOutbox();
    return result;
  } catch (err) {
    if ((err as { code?: string }).code === "23505") return { ok: false, reason: "email-taken" };
    throw err;
  }
}

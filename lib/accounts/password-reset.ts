import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMail, kickOutbox } from "@/lib/mail/outbox";
import { LIMITS, take } from "./rate-limit";
import { consumeToken, issueToken, peekToken, type TokenRefusal } from "./tokens";
import { withTransaction } from "./tx";

/**
 * "Forgot password?". The answer never tells whether an account has the address: the limits count
 * the email whether or not it exists, and the mail is written after the answer (see the action),
 * so the two cases look the same in content and in time.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function resetLink(raw: string): string {
  return `${env.APP_URL}/reset-password?token=${raw}`;
}

/** Counts one reset request against the per-email and per-address limits. */
export function takeResetAllowance(email: string, ip: string | null) {
  return take([
    { limit: LIMITS.resetPerEmail, subject: normalizeEmail(email) },
    { limit: LIMITS.resetPerIp, subject: ip ?? "unknown" },
  ]);
}

/** Writes a reset link to the outbox when an account has this email; otherwise does nothing. */
export async function sendResetLinkIfAccountExists(email: string): Promise<boolean> {
  const address = normalizeEmail(email);
  const sent = await withTransaction(async (tx) => {
    const r = await tx.query<{ id: number; nick: string; email: string; language: string | null }>(
      `SELECT id, nick, email, language FROM players WHERE email = $1`,
      [address],
    );
    const player = r.rows[0];
    if (!player) return false;
    const raw = await issueToken(tx, { playerId: player.id, purpose: "reset_password", email: player.email });
    await enqueueMail(tx, {
      to: player.email,
      template: "reset_password",
      params: { nick: player.nick, link: resetLink(raw) },
      playerId: player.id,
      language: player.language,
    });
    return true;
  });
  if (sent) kickOutbox();
  return sent;
}

/** Whether a reset link may still be used (the page shows the form only then). */
export async function checkResetLink(raw: string): Promise<{ ok: true } | { ok: false; reason: TokenRefusal }> {
  const check = await peekToken(pool, raw, ["reset_password"]);
  return check.ok ? { ok: true } : check;
}

export type ResetResult = { ok: true; playerId: number } | { ok: false; reason: TokenRefusal | "stale" };

/**
 * Uses the link: new password, every session ended (session version bumped), and the email counts
 * as verified (the player just proved they read it). The player is told by mail.
 */
export async function resetPassword(raw: string, newPassword: string): Promise<ResetResult> {
  const passwordHash = await hashPassword(newPassword);
  const result = await withTransaction(async (tx): Promise<ResetResult> => {
    const token = await consumeToken(tx, raw, ["reset_password"]);
    if (!token.ok) return token;
    const r = await tx.query<{ id: number; nick: string; email: string; language: string | null }>(
      `UPDATE players SET password_hash = $2, session_version = session_version + 1, updated_at = now(),
              email_verified_at = CASE WHEN email = $3 THEN COALESCE(email_verified_at, now()) ELSE email_verified_at END
        WHERE id = $1 RETURNING id, nick, email, language`,
      [token.playerId, passwordHash, token.email],
    );
    const player = r.rows[0];
    if (!player) return { ok: false, reason: "invalid" };
    if (player.email !== token.email) {
      // The account's email changed after the link was sent: the link is not valid any more.
      throw new StaleLink();
    }
    await enqueueMail(tx, {
      to: player.email,
      template: "password_changed",
      params: { nick: player.nick },
      playerId: player.id,
      language: player.language,
    });
    return { ok: true, playerId: player.id };
  }).catch((err: unknown) => {
    if (err instanceof StaleLink) return { ok: false, reason: "stale" } as const;
    throw err;
  });
  if (result.ok) kickOutbox();
  return result;
}

class StaleLink extends Error {}

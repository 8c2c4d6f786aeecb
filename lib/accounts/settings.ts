import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { pool } from "@/lib/db";
import { enqueueMail, kickOutbox } from "@/lib/mail/outbox";
import { normalizeEmail } from "./password-reset";
import { LIMITS, take } from "./rate-limit";
import { issueToken } from "./tokens";
import { withTransaction } from "./tx";
import { verifyLink } from "./verification";

/** The account's security settings: password, email, sessions, sign-in history. */

async function passwordOk(playerId: number, password: string): Promise<boolean> {
  const r = await pool.query<{ password_hash: string }>(`SELECT password_hash FROM players WHERE id = $1`, [playerId]);
  const row = r.rows[0];
  return row ? verifyPassword(row.password_hash, password) : false;
}

export type ChangePasswordResult = { ok: true; sessionVersion: number } | { ok: false; reason: "wrong-password" };

/** Needs the current password; ends every other session (the caller re-stamps the current one). */
export async function changePassword(playerId: number, current: string, next: string): Promise<ChangePasswordResult> {
  if (!(await passwordOk(playerId, current))) return { ok: false, reason: "wrong-password" };
  const passwordHash = await hashPassword(next);
  const version = await withTransaction(async (tx) => {
    const r = await tx.query<{ session_version: number; email: string; nick: string; language: string | null }>(
      `UPDATE players SET password_hash = $2, session_version = session_version + 1, updated_at = now()
        WHERE id = $1 RETURNING session_version, email, nick, language`,
      [playerId, passwordHash],
    );
    const p = r.rows[0]!;
    // Open reset links were meant for the old password.
    await tx.query(`DELETE FROM account_tokens WHERE player_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`, [playerId]);
    await enqueueMail(tx, { to: p.email, template: "password_changed", params: { nick: p.nick }, playerId, language: p.language });
    return p.session_version;
  });
  kickOutbox();
  return { ok: true, sessionVersion: version };
}

export type EmailChangeResult =
  | { ok: true; sentTo: string }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "same-email" }
  | { ok: false; reason: "limited"; retryAt: Date };

/**
 * Sends a link to the new address; the account switches only when it is followed (useVerifyLink),
 * and the old address is told then. When another account already has the new address the answer
 * is the same and no link is sent, so this form cannot be used to probe for accounts.
 */
export async function requestEmailChange(playerId: number, password: string, newEmailRaw: string): Promise<EmailChangeResult> {
  const newEmail = normalizeEmail(newEmailRaw);
  if (!(await passwordOk(playerId, password))) return { ok: false, reason: "wrong-password" };
  const me = await pool.query<{ email: string; nick: string; language: string | null }>(
    `SELECT email, nick, language FROM players WHERE id = $1`,
    [playerId],
  );
  const player = me.rows[0];
  if (!player) return { ok: false, reason: "wrong-password" };
  if (player.email === newEmail) return { ok: false, reason: "same-email" };
  const allowed = await take([{ limit: LIMITS.emailChange, subject: String(playerId) }]);
  if (!allowed.ok) return { ok: false, reason: "limited", retryAt: allowed.retryAt };
  const queued = await withTransaction(async (tx) => {
    const taken = await tx.query(`SELECT 1 FROM players WHERE email = $1`, [newEmail]);
    if (taken.rowCount) return false;
    const raw = await issueToken(tx, { playerId, purpose: "change_email", email: newEmail });
    await enqueueMail(tx, {
      to: newEmail,
      template: "change_email",
      params: { nick: player.nick, link: verifyLink(raw), newEmail },
      playerId,
    });
    return true;
  });
  if (queued) kickOutbox();
  return { ok: true, sentTo: newEmail };
}

/** Ends every session of the player, this one included (the guards refuse older stamps). */
export async function signOutEverywhere(playerId: number): Promise<number> {
  const r = await pool.query<{ session_version: number }>(
    `UPDATE players SET session_version = session_version + 1, updated_at = now() WHERE id = $1 RETURNING session_version`,
    [playerId],
  );
  return r.rows[0]?.session_version ?? 0;
}

export async function sessionVersionOf(playerId: number): Promise<number | null> {
  const r = await pool.query<{ session_version: number }>(`SELECT session_version FROM players WHERE id = $1`, [playerId]);
  return r.rows[0]?.session_version ?? null;
}

const KEEP_SIGN_INS = 50;

export async function recordSignIn(playerId: number, ip: string | null, userAgent: string | null): Promise<void> {
  await pool.query(`INSERT INTO sign_ins (player_id, ip, user_agent) VALUES ($1, $2, $3)`, [
    playerId,
    ip,
    userAgent?.slice(0, 500) ?? null,
  ]);
  await pool.query(
    `DELETE FROM sign_ins WHERE player_id = $1 AND id NOT IN (SELECT id FROM sign_ins WHERE player_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
    [playerId, KEEP_SIGN_INS],
  );
}

export interface SignInRow {
  id: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function recentSignIns(playerId: number, limit = 10): Promise<SignInRow[]> {
  const r = await pool.query<{ id: string; created_at: Date; ip: string | null; user_agent: string | null }>(
    `SELECT id, created_at, ip, user_agent FROM sign_ins WHERE player_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [playerId, limit],
  );
  return r.rows.map((row) => ({ id: row.id, at: row.created_at, ip: row.ip, userAgent: row.user_agent }));
}

const BROWSERS: [string, RegExp][] = [
  ["Edge", /Edg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /OPR\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/],
];
const SYSTEMS: [string, RegExp][] = [
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Macintosh|Mac OS X/],
  ["Linux", /Linux|X11/],
];

/** "Chrome 131 on Linux" from a user agent, for people rather than machines. */
export function describeBrowser(ua: string | null): string {
  if (!ua) return "Unknown browser";
  let browser: string | null = null;
  for (const [name, re] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  const os = SYSTEMS.find(([, re]) => re.test(ua))?.[0] ?? null;
  if (!browser && !os) return ua.slice(0, 80);
  return os ? `${browser ?? "Browser"} on ${os}` : (browser ?? "Browser");
}

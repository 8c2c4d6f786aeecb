import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import type pg from "pg";
import QRCode from "qrcode";
import { inTransaction, recordAudit } from "@/lib/admin/audit";
import { assertCan, isStaffRole, type Viewer } from "@/lib/admin/permissions";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Two-factor sign-in with TOTP (RFC 6238 through otplib): mandatory for every staff role, optional
 * for players (account page). After the password, the session (its `sid`) must pass a second factor
 * before the guards accept it; the pass is a row in `second_factor_passes`.
 *
 * - Secrets are stored AES-256-GCM encrypted under a key derived from AUTH_SECRET (rotating
 *   AUTH_SECRET therefore means resetting everyone's factor).
 * - A code is accepted once: the accepted time step is stored and any code of that step or an
 *   earlier one is refused (replay in the same 30 s window included).
 * - Attempts are limited per account (5 failures / 15 min), counted under the account's row lock,
 *   so parallel guesses cannot slip past the count.
 * - Ten recovery codes per enrolment, stored as HMACs, each usable once.
 */
export const ISSUER = "Web Games Casino";
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
/** Staff must pass the second factor again after this long, whatever the cookie's lifetime. */
export const STAFF_PASS_HOURS = 12;
export const RECOVERY_CODE_COUNT = 10;

const keyMaterial = (purpose: string) => Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "webgames-two-factor", purpose, 32));

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyMaterial("totp-secret"), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [v, iv, tag, body] = stored.split(".");
  if (v !== "v1" || !iv || !tag || !body) throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyMaterial("totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Recovery codes: 10 characters of an unambiguous alphabet, shown as xxxxx-xxxxx. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
export function normalizeRecoveryCode(input: string): string {
  const c = input.toLowerCase().replace(/[^a-z0-9]/g, "");
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
}
export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", keyMaterial("recovery-code")).update(normalizeRecoveryCode(code)).digest("hex");
}

/** Who must pass a second factor after the password: every staff role, and players who turned it on. */
export function requiresSecondFactor(p: { role: string; totpEnabledAt: Date | null }): boolean {
  return isStaffRole(p.role) || p.totpEnabledAt !== null;
}

export type SecondFactorStatus = "not-required" | "passed" | "enrol" | "challenge";

/** Where this session stands, for the guards. */
export async function secondFactorStatus(
  p: { id: number; role: string; totpEnabledAt: Date | null; totpSecret: string | null },
  sessionId: string | undefined,
): Promise<SecondFactorStatus> {
  if (!requiresSecondFactor(p)) return "not-required";
  if (sessionId) {
    const maxAgeHours = isStaffRole(p.role) ? STAFF_PASS_HOURS : 24 * 7;
    const r = await pool.query(
      `SELECT 1 FROM second_factor_passes
       WHERE session_id = $1 AND player_id = $2 AND ended_at IS NULL AND verified_at > now() - make_interval(hours => $3)`,
      [sessionId, p.id, maxAgeHours],
    );
    if (r.rowCount) return "passed";
  }
  return p.totpSecret ? "challenge" : "enrol";
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrDataUrl: string;
}

/** The secret to show while enrolling: the pending one if any (a reload shows the same), else a new one. */
export async function beginEnrolment(playerId: number): Promise<Enrolment> {
  const r = await pool.query<{ email: string; totp_pending_secret: string | null }>(
    `SELECT email, totp_pending_secret FROM players WHERE id = $1`,
    [playerId],
  );
  const row = r.rows[0];
  if (!row) throw new Error("player not found");
  let secret = row.totp_pending_secret ? decryptSecret(row.totp_pending_secret) : null;
  if (!secret) {
    secret = generateSecret();
    await pool.query(`UPDATE players SET totp_pending_secret = $2 WHERE id = $1`, [playerId, encryptSecret(secret)]);
  }
  const uri = generateURI({ issuer: ISSUER, label: row.email, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, uri, qrDataUrl };
}

export type VerifyOutcome =
  | { ok: true; recoveryCodes?: string[] }
  | { ok: false; reason: "invalid" | "limited" | "not-enrolling"; message: string };

async function limited(tx: pg.PoolClient, playerId: number): Promise<boolean> {
  const r = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM second_factor_failures WHERE player_id = $1 AND created_at > now() - make_interval(mins => $2)`,
    [playerId, FAILURE_WINDOW_MINUTES],
  );
  return (r.rows[0]?.n ?? 0) >= MAX_FAILURES;
}

async function fail(tx: pg.PoolClient, playerId: number): Promise<VerifyOutcome> {
  await tx.query(`INSERT INTO second_factor_failures (player_id) VALUES ($1)`, [playerId]);
  // Housekeeping, bounded: rows older than the window count for nothing.
  await tx.query(`DELETE FROM second_factor_failures WHERE player_id = $1 AND created_at < now() - make_interval(mins => $2)`, [
    playerId,
    2 * FAILURE_WINDOW_MINUTES,
  ]);
  return { ok: false, reason: "invalid", message: "That code is not valid. Check your authenticator app's clock and try again." };
}

const LIMITED: VerifyOutcome = {
  ok: false,
  reason: "limited",
  message: `Too many wrong codes. Wait ${FAILURE_WINDOW_MINUTES} minutes and try again, or ask an admin to reset your second factor.`,
};

/** A 6-digit code against a secret, refusing the step already used (or any before it). */
async function checkCode(secret: string, code: string, lastStep: string | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const res = await verify({
    secret,
    token: code,
    // One step of clock drift either way.
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: Number(lastStep) } : {}),
  });
  return res.valid && "timeStep" in res ? res.timeStep : null;
}

/** Where a sign-in came from (recorded with its pass; staff see their previous one). */
export interface SignInContext {
  ip?: string | null;
  userAgent?: string | null;
}

async function recordPass(
  tx: pg.PoolClient,
  sessionId: string,
  playerId: number,
  method: "totp" | "recovery" | "enrolment",
  ctx: SignInContext,
) {
  await tx.query(
    `INSERT INTO second_factor_passes (session_id, player_id, method, ip, user_agent) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id) DO UPDATE SET player_id = EXCLUDED.player_id, method = EXCLUDED.method, verified_at = now(),
       ip = EXCLUDED.ip, user_agent = EXCLUDED.user_agent, ended_at = NULL`,
    [sessionId, playerId, method, ctx.ip ?? null, ctx.userAgent?.slice(0, 300) ?? null],
  );
}

/** The staff member's sign-in before this one (time and address), for the back office header. */
export async function previousSignIn(
  playerId: number,
  currentSessionId: string | undefined,
): Promise<{ at: string; ip: string | null } | null> {
  const r = await pool.query<{ verified_at: Date; ip: string | null }>(
    `SELECT verified_at, ip FROM second_factor_passes WHERE player_id = $1 AND session_id <> $2 ORDER BY verified_at DESC LIMIT 1`,
    [playerId, currentSessionId ?? ""],
  );
  const row = r.rows[0];
  return row ? { at: row.verified_at.toISOString(), ip: row.ip } : null;
}

/** Sign-out: this session's pass no longer admits anyone (the row stays as history). */
export async function endPass(sessionId: string): Promise<void> {
  await pool.query(`UPDATE second_factor_passes SET ended_at = now() WHERE session_id = $1 AND ended_at IS NULL`, [sessionId]);
}

/** The first code from the app confirms the pending secret: it becomes the factor, ten recovery codes are issued (returned once). */
export async function confirmEnrolment(playerId: number, sessionId: string, code: string, ctx: SignInContext = {}): Promise<VerifyOutcome> {
  return inTransaction(async (tx) => {
    const r = await tx.query<{ totp_pending_secret: string | null }>(`SELECT totp_pending_secret FROM players WHERE id = $1 FOR UPDATE`, [
      playerId,
    ]);
    const pending = r.rows[0]?.totp_pending_secret;
    if (!pending) return { ok: false, reason: "not-enrolling", message: "Start the set-up again: no pending secret." } as const;
    if (await limited(tx, playerId)) return LIMITED;
    const step = await checkCode(decryptSecret(pending), code.trim(), null);
    if (step === null) return fail(tx, playerId);
    await tx.query(
      `UPDATE players SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), totp_last_step = $2
       WHERE id = $1`,
      [playerId, step],
    );
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.query(`DELETE FROM recovery_codes WHERE player_id = $1`, [playerId]);
    await tx.query(`INSERT INTO recovery_codes (player_id, code_hash) SELECT $1, unnest($2::text[])`, [
      playerId,
      codes.map(hashRecoveryCode),
    ]);
    await recordPass(tx, sessionId, playerId, "enrolment", ctx);
    return { ok: true, recoveryCodes: codes };
  });
}

/** A later sign-in: a 6-digit code, or one of the recovery codes. */
export async function verifySecondFactor(
  playerId: number,
  sessionId: string,
  input: { code?: string; recoveryCode?: string },
  ctx: SignInContext = {},
): Promise<VerifyOutcome> {
  return inTransaction(async (tx) => {
    const r = await tx.query<{ totp_secret: string | null; totp_last_step: string | null }>(
      `SELECT totp_secret, totp_last_step::text FROM players WHERE id = $1 FOR UPDATE`,
      [playerId],
    );
    const row = r.rows[0];
    if (!row?.totp_secret)
      return { ok: false, reason: "not-enrolling", message: "Two-factor sign-in is not set up for this account." } as const;
    if (await limited(tx, playerId)) return LIMITED;
    if (input.recoveryCode?.trim()) {
      const used = await tx.query(
        `UPDATE recovery_codes SET used_at = now() WHERE player_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [playerId, hashRecoveryCode(input.recoveryCode)],
      );
      if (!used.rowCount) return fail(tx, playerId);
      await recordPass(tx, sessionId, playerId, "recovery", ctx);
      return { ok: true };
    }
    const step = await checkCode(decryptSecret(row.totp_secret), (input.code ?? "").trim(), row.totp_last_step);
    if (step === null) return fail(tx, playerId);
    // Conditional on the step moving forward: with the row lock this is belt and braces.
    const moved = await tx.query(
      `UPDATE players SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [playerId, step],
    );
    if (!moved.rowCount) return fail(tx, playerId);
    await recordPass(tx, sessionId, playerId, "totp", ctx);
    return { ok: true };
  });
}

export async function remainingRecoveryCodes(playerId: number): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM recovery_codes WHERE player_id = $1 AND used_at IS NULL`, [
    playerId,
  ]);
  return r.rows[0]?.n ?? 0;
}

async function clearFactor(tx: pg.PoolClient, playerId: number): Promise<void> {
  await tx.query(
    `UPDATE players SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, totp_pending_secret = NULL, updated_at = now()
     WHERE id = $1`,
    [playerId],
  );
  await tx.query(`DELETE FROM recovery_codes WHERE player_id = $1`, [playerId]);
  // Every session of theirs that passed the factor must pass (enrol) again.
  await tx.query(`UPDATE second_factor_passes SET ended_at = now() WHERE player_id = $1 AND ended_at IS NULL`, [playerId]);
}

/** An admin resets someone else's second factor (lost phone): they enrol again at their next sign-in. Audited. */
export async function resetSecondFactorAs(
  viewer: Viewer,
  targetId: number,
  ctx: { ip?: string | null } = {},
): Promise<{ status: "ok" | "error"; message: string }> {
  const admin = assertCan(viewer, "staff.resetSecondFactor");
  if (targetId === admin.id) return { status: "error", message: "Ask another admin to reset your own second factor." };
  const t = await pool.query(`SELECT 1 FROM players WHERE id = $1`, [targetId]);
  if (!t.rowCount) return { status: "error", message: "Not found." };
  await inTransaction(async (tx) => {
    await clearFactor(tx, targetId);
    await recordAudit(tx, { actorId: admin.id, action: "mfa_reset", playerId: targetId, ip: ctx.ip });
  });
  return { status: "ok", message: "Second factor reset: they set it up again at their next sign-in." };
}

/** A player turns their own two-factor off, proving it with a current code. Staff cannot (it is mandatory). */
export async function disableOwnSecondFactor(
  player: { id: number; role: string },
  sessionId: string,
  code: string,
): Promise<VerifyOutcome> {
  if (isStaffRole(player.role)) return { ok: false, reason: "invalid", message: "Two-factor sign-in is mandatory for staff." };
  const check = await verifySecondFactor(player.id, sessionId, { code });
  if (!check.ok) return check;
  await inTransaction((tx) => clearFactor(tx, player.id));
  return { ok: true };
}

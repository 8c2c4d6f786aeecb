import "server-only";
import { createHash } from "node:crypto";
import { pool } from "@/lib/db";

/**
 * Sign-in throttling, two limits over 15 minutes: 5 failed attempts per (email, client IP) — one
 * account guessed from one place — and 30 per client IP whatever the email — one place spraying
 * many accounts (generous enough for a shared office NAT). Failures are rows in `login_failures`,
 * so every app instance sees the same count. Keys are hashes: the table holds neither emails nor
 * addresses.
 */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export function loginKey(email: string, ip: string | null): string {
  return createHash("sha256")
    .update(`${email.trim().toLowerCase()}\n${ip ?? "unknown"}`)
    .digest("hex");
}

/** The per-address key. Its hash input starts with NUL, which no email+IP input can, so the two never collide. */
export function loginIpKey(ip: string | null): string {
  return createHash("sha256")
    .update(`\u0000ip\n${ip ?? "unknown"}`)
    .digest("hex");
}

export interface LimitState {
  limited: boolean;
  /** When the oldest counted failure leaves the window (only when limited). */
  retryAt: Date | null;
}

export async function loginLimitState(key: string, now = new Date(), max = LOGIN_MAX_FAILURES): Promise<LimitState> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const r = await pool.query<{ n: number; oldest: Date | null }>(
    `SELECT count(*)::int AS n, min(created_at) AS oldest
       FROM (SELECT created_at FROM login_failures WHERE key = $1 AND created_at > $2
             ORDER BY created_at DESC LIMIT $3) recent`,
    [key, since, max],
  );
  const row = r.rows[0];
  if (!row || row.n < max || !row.oldest) return { limited: false, retryAt: null };
  return { limited: true, retryAt: new Date(row.oldest.getTime() + LOGIN_WINDOW_MS) };
}

export async function recordLoginFailure(key: string, now = new Date()): Promise<void> {
  await pool.query("INSERT INTO login_failures (key, created_at) VALUES ($1, $2)", [key, now]);
  // Housekeeping, bounded: old rows are useless to the limiter.
  await pool.query("DELETE FROM login_failures WHERE created_at < $1", [new Date(now.getTime() - 2 * LOGIN_WINDOW_MS)]);
}

export async function clearLoginFailures(key: string): Promise<void> {
  await pool.query("DELETE FROM login_failures WHERE key = $1", [key]);
}

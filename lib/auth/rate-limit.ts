import "server-only";
import { createHash } from "node:crypto";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Sign-in and sign-up throttling, counted in PostgreSQL (so every app instance sees the same
 * count) by ONE statement per attempt that records the attempt and returns the new count
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the row lock and sees the latest count), so
 * parallel attempts cannot all slip past the check: 20 parallel attempts count 20.
 *
 * Sign-in (Auth.js `authorize`, i.e. every path: the form and POST /api/auth/callback/credentials):
 *   5 attempts per (email, client address) in 15 min — one account guessed from one place;
 *   30 per client address, whatever the email — one place spraying many accounts (generous enough
 *   for a shared office NAT). A valid sign-in clears its own (email, address) count and gives its
 *   attempt back to the address count.
 * Sign-up: SIGNUP_LIMIT_PER_ADDRESS (default 10) accounts per client address per hour.
 * Attempts beyond a limit are refused before any password work. The client address is the real
 * TCP peer or the trusted proxy's entry (docs/protocol.md D14, lib/callbacks/client-ip.ts). Keys are
 * hashes: the table holds neither emails nor addresses.
 */
export const LOGIN_MAX_ATTEMPTS = 5;
export const LOGIN_MAX_ATTEMPTS_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

export function loginKey(email: string, ip: string | null): string {
  return digest(`${email.trim().toLowerCase()}\n${ip ?? "unknown"}`);
}

/** The per-address keys start with NUL, which no email+address input can, so the kinds never collide. */
export function loginIpKey(ip: string | null): string {
  return digest(`\u0000ip\n${ip ?? "unknown"}`);
}

export function signUpIpKey(ip: string | null): string {
  return digest(`\u0000signup\n${ip ?? "unknown"}`);
}

export interface ThrottleRule {
  key: string;
  limit: number;
  windowMs: number;
}

export interface ThrottleState {
  limited: boolean;
  /** When the window of the tightest exceeded limit ends (only when limited). */
  retryAt: Date | null;
  /** The count of each rule's key after this attempt, in the order given. */
  hits: number[];
}

/**
 * Records one attempt against every rule and says whether any limit is now exceeded. One
 * statement: the count each caller gets back includes every attempt committed before it.
 * Fixed windows: a key's window starts at its first attempt and lasts `windowMs`.
 */
export async function hitThrottle(rules: ThrottleRule[], now = new Date()): Promise<ThrottleState> {
  const r = await pool.query<{ key: string; hits: number; ends: Date }>(
    `INSERT INTO auth_throttle AS t (key, window_start, window_ms, hits)
       SELECT r.key, $3::timestamptz, r.window_ms, 1
         FROM unnest($1::text[], $2::int[]) AS r(key, window_ms)
        ORDER BY r.key -- one lock order for every caller: no deadlocks between multi-key hits
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN t.window_start + t.window_ms * interval '1 millisecond' <= EXCLUDED.window_start THEN 1 ELSE t.hits + 1 END,
       window_start = CASE WHEN t.window_start + t.window_ms * interval '1 millisecond' <= EXCLUDED.window_start
                           THEN EXCLUDED.window_start ELSE t.window_start END,
       window_ms = EXCLUDED.window_ms
     RETURNING key, hits, window_start + window_ms * interval '1 millisecond' AS ends`,
    [rules.map((x) => x.key), rules.map((x) => x.windowMs), now],
  );
  const byKey = new Map(r.rows.map((row) => [row.key, row]));
  let retryAt: Date | null = null;
  const hits = rules.map((rule) => {
    const row = byKey.get(rule.key);
    const n = row?.hits ?? 0;
    if (row && n > rule.limit && (!retryAt || row.ends > retryAt)) retryAt = row.ends;
    return n;
  });
  // Housekeeping, now and then: expired rows are useless to the limiter.
  if (Math.random() < 0.01)
    await pool.query(`DELETE FROM auth_throttle WHERE window_start < $1`, [new Date(now.getTime() - 24 * 3600_000)]);
  return { limited: retryAt !== null, retryAt, hits };
}

export function signInRules(email: string, ip: string | null): ThrottleRule[] {
  return [
    { key: loginKey(email, ip), limit: LOGIN_MAX_ATTEMPTS, windowMs: LOGIN_WINDOW_MS },
    { key: loginIpKey(ip), limit: LOGIN_MAX_ATTEMPTS_PER_IP, windowMs: LOGIN_WINDOW_MS },
  ];
}

export function signUpRules(ip: string | null): ThrottleRule[] {
  return [{ key: signUpIpKey(ip), limit: env.SIGNUP_LIMIT_PER_ADDRESS, windowMs: SIGNUP_WINDOW_MS }];
}

/** After a valid sign-in: this account's count from this address is cleared; the address gets its attempt back. */
export async function forgiveSignIn(email: string, ip: string | null): Promise<void> {
  await pool.query(
    `WITH cleared AS (DELETE FROM auth_throttle WHERE key = $1)
     UPDATE auth_throttle SET hits = greatest(hits - 1, 0) WHERE key = $2`,
    [loginKey(email, ip), loginIpKey(ip)],
  );
}

/** The current count of a key (tests and the back office; never used to decide). */
export async function throttleHits(key: string): Promise<number> {
  const r = await pool.query<{ hits: number }>(`SELECT hits FROM auth_throttle WHERE key = $1`, [key]);
  return r.rows[0]?.hits ?? 0;
}

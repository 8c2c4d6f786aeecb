import "server-only";
import { createHash } from "node:crypto";
import { pool } from "@/lib/db";

/**
 * Sliding-window limits of the account flows, counted in PostgreSQL (every instance sees the same
 * count). `take` is atomic: an advisory lock per key serialises the count and the insert, so N
 * parallel requests get exactly `max` through. Keys are hashes; the table stores no emails or
 * addresses.
 */
export interface Limit {
  name: string;
  max: number;
  windowMs: number;
}

export const LIMITS = {
  /** Verification mail resend: per player. */
  verifyResendBurst: { name: "verify-resend-burst", max: 1, windowMs: 60_000 },
  verifyResend: { name: "verify-resend", max: 5, windowMs: 60 * 60_000 },
  /** Password reset requests per email (whether or not an account has it) and per client address. */
  resetPerEmail: { name: "reset-email", max: 3, windowMs: 60 * 60_000 },
  resetPerIp: { name: "reset-ip", max: 10, windowMs: 60 * 60_000 },
  /** Email change requests per player. */
  emailChange: { name: "email-change", max: 5, windowMs: 60 * 60_000 },
} as const satisfies Record<string, Limit>;

export function limitKey(limit: Limit, subject: string): string {
  return createHash("sha256").update(`${limit.name}\n${subject}`).digest("hex");
}

export type Take = { ok: true } | { ok: false; retryAt: Date };

/** Counts one request against every limit given (all or nothing): refused when any is full. */
export async function take(checks: { limit: Limit; subject: string }[]): Promise<Take> {
  const keys = checks.map((c) => ({ key: limitKey(c.limit, c.subject), limit: c.limit })).sort((a, b) => a.key.localeCompare(b.key));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Sorted keys: two requests never wait on each other's locks in opposite orders.
    for (const k of keys) await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [k.key]);
    let retryAt: Date | null = null;
    for (const k of keys) {
      const r = await client.query<{ n: number; oldest: Date | null }>(
        `SELECT count(*)::int AS n, min(created_at) AS oldest FROM (
           SELECT created_at FROM account_rate_events WHERE key = $1 AND created_at > now() - make_interval(secs => $2)
            ORDER BY created_at DESC LIMIT $3) recent`,
        [k.key, k.limit.windowMs / 1000, k.limit.max],
      );
      const row = r.rows[0]!;
      if (row.n >= k.limit.max && row.oldest) {
        const at = new Date(row.oldest.getTime() + k.limit.windowMs);
        if (!retryAt || at > retryAt) retryAt = at;
      }
    }
    if (retryAt) {
      await client.query("ROLLBACK");
      return { ok: false, retryAt };
    }
    for (const k of keys) await client.query(`INSERT INTO account_rate_events (key) VALUES ($1)`, [k.key]);
    // Housekeeping, bounded to this key: rows past the longest window are useless.
    for (const k of keys)
      await client.query(`DELETE FROM account_rate_events WHERE key = $1 AND created_at < now() - interval '1 day'`, [k.key]);
    await client.query("COMMIT");
    return { ok: true };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export function minutesUntil(at: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
}

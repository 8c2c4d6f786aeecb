import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * One-time links. The raw token (32 random bytes, base64url) exists only in the mail; the
 * database keeps its SHA-256. A token is consumed by one atomic UPDATE, so two clicks (or two
 * instances) cannot both use it.
 */
export type TokenPurpose = "verify_email" | "reset_password" | "change_email";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 30 * 60 * 1000,
};

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

/** Stores a new token for the player and returns the raw value (for the link). */
export async function issueToken(db: Queryable, opts: { playerId: number; purpose: TokenPurpose; email: string }): Promise<string> {
  // A new reset or email-change link replaces the older ones of the same kind: only the latest works.
  if (opts.purpose !== "verify_email") {
    await db.query(`DELETE FROM account_tokens WHERE player_id = $1 AND purpose = $2 AND used_at IS NULL`, [opts.playerId, opts.purpose]);
  }
  const raw = randomBytes(32).toString("base64url");
  await db.query(
    `INSERT INTO account_tokens (player_id, purpose, token_hash, email, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [opts.playerId, opts.purpose, hashToken(raw), opts.email, TOKEN_TTL_MS[opts.purpose] / 1000],
  );
  return raw;
}

export type TokenRefusal = "invalid" | "expired" | "used";
export type TokenCheck =
  | { ok: true; id: string; playerId: number; email: string; purpose: TokenPurpose }
  | { ok: false; reason: TokenRefusal };

interface TokenRow {
  id: string;
  player_id: number;
  email: string;
  purpose: TokenPurpose;
  used: boolean;
  expired: boolean;
}

async function find(db: Queryable, raw: string, purposes: TokenPurpose[], lock: boolean): Promise<TokenCheck> {
  if (!TOKEN_FORMAT.test(raw)) return { ok: false, reason: "invalid" };
  const r = await db.query<TokenRow>(
    `SELECT id, player_id, email, purpose, used_at IS NOT NULL AS used, expires_at <= now() AS expired
       FROM account_tokens WHERE token_hash = $1 AND purpose = ANY($2::text[])${lock ? " FOR UPDATE" : ""}`,
    [hashToken(raw), purposes],
  );
  const row = r.rows[0];
  if (!row) return { ok: false, reason: "invalid" };
  if (row.used) return { ok: false, reason: "used" };
  if (row.expired) return { ok: false, reason: "expired" };
  return { ok: true, id: row.id, playerId: row.player_id, email: row.email, purpose: row.purpose };
}

/** Looks a token up without using it (e.g. to show the new-password form). */
export function peekToken(db: Queryable, raw: string, purposes: TokenPurpose[]): Promise<TokenCheck> {
  return find(db, raw, purposes, false);
}

/** Uses the token: call inside a transaction; the row stays locked until COMMIT. */
export async function consumeToken(tx: pg.PoolClient, raw: string, purposes: TokenPurpose[]): Promise<TokenCheck> {
  const check = await find(tx, raw, purposes, true);
  if (check.ok) await tx.query(`UPDATE account_tokens SET used_at = now() WHERE id = $1`, [check.id]);
  return check;
}

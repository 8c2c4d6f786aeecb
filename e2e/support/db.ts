import pg from "pg";
import { e2eState } from "./env";

/** Checks on the e2e database (the server script's DATABASE_URL); the one write is expireLinksOf. */
let pool: pg.Pool | null = null;
async function db(): Promise<pg.Pool> {
  pool ??= new pg.Pool({ connectionString: (await e2eState()).databaseUrl, max: 2 });
  return pool;
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const r = await (await db()).query(sql, params);
  return r.rows[0] as T;
}

/** Rows that money or the provider wrote for one game (ledger, callback log, launch sessions). */
export async function gameFootprint(gameId: number): Promise<{ ledger: number; callbacks: number; sessions: number }> {
  return one(
    `SELECT (SELECT count(*)::int FROM ledger_entries WHERE game_id = $1) AS ledger,
            (SELECT count(*)::int FROM callback_logs WHERE game_id = $1::text) AS callbacks,
            (SELECT count(*)::int FROM game_sessions WHERE game_id = $1) AS sessions`,
    [gameId],
  );
}

/** The player's ledger sum and wallet balance, both rounded to 2 places (the test currencies). */
export async function moneyOf(email: string): Promise<{ ledgerSum: string; balance: string; currency: string; entries: number }> {
  return one(
    `SELECT round(COALESCE((SELECT sum(amount) FROM ledger_entries l WHERE l.player_id = p.id), 0), 2)::text AS "ledgerSum",
            round(w.balance, 2)::text AS balance, w.currency,
            (SELECT count(*)::int FROM ledger_entries l WHERE l.player_id = p.id) AS entries
       FROM players p JOIN wallets w ON w.player_id = p.id WHERE p.email = $1`,
    [email],
  );
}

export async function sessionsOf(email: string): Promise<number> {
  const r = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM game_sessions s JOIN players p ON p.id = s.player_id WHERE p.email = $1`,
    [email],
  );
  return r.n;
}

/**
 * Test setup, not a check: the player's reality-check interval in seconds. The account page offers
 * 15, 30 or 60 minutes; the reality-check spec sets a few seconds so the overlay shows quickly.
 */
export async function setRealityCheckSeconds(email: string, seconds: number): Promise<void> {
  await (await db()).query(`UPDATE players SET reality_check_seconds = $2 WHERE email = $1`, [email, seconds]);
}

/** The player's game sessions that have ended (Stop playing, time-out, block). */
export async function revokedSessionsOf(email: string): Promise<number> {
  const r = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM game_sessions s JOIN players p ON p.id = s.player_id WHERE p.email = $1 AND s.revoked_at IS NOT NULL`,
    [email],
  );
  return r.n;
}

/** Moves every one-time link of the player past its expiry (the 24 h / 30 min wait, in one step). */
export async function expireLinksOf(email: string): Promise<void> {
  await (await db()).query(
    `UPDATE account_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second'
      WHERE player_id = (SELECT id FROM players WHERE email = $1)`,
    [email],
  );
}

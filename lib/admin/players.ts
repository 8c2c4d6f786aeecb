import "server-only";
import type { SessionPlayer } from "@/lib/auth/guards";
import { pool } from "@/lib/db";
import { type AuditEntry, auditForPlayer } from "./audit";
import { assertCan, type Viewer } from "./permissions";
import { type LedgerRow, listTransactions } from "./transactions";

export interface PlayerListRow {
  id: number;
  email: string;
  nick: string;
  role: SessionPlayer["role"];
  blocked: boolean;
  currency: string;
  balance: string;
  createdAt: string;
}

/** Search by id (exact), email or nick (substring, case-insensitive); newest players first. */
export async function searchPlayers(viewer: Viewer, q: string | undefined, limit = 50): Promise<PlayerListRow[]> {
  assertCan(viewer, "players.view");
  const params: unknown[] = [limit];
  let where = "";
  if (q) {
    params.push(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where = `WHERE p.email ILIKE $2 OR p.nick ILIKE $2`;
    if (/^\d{1,9}$/.test(q)) {
      params.push(Number(q));
      where += ` OR p.id = $3`;
    }
  }
  const res = await pool.query<{
    id: number;
    email: string;
    nick: string;
    role: SessionPlayer["role"];
    blocked: boolean;
    currency: string;
    balance: string | null;
    created_at: Date;
  }>(
    `SELECT p.id, p.email, p.nick, p.role, p.blocked, p.currency, w.balance::text AS balance, p.created_at
     FROM players p LEFT JOIN wallets w ON w.player_id = p.id ${where} ORDER BY p.id DESC LIMIT $1`,
    params,
  );
  return res.rows.map((r) => ({
    id: r.id,
    email: r.email,
    nick: r.nick,
    role: r.role,
    blocked: r.blocked,
    currency: r.currency,
    balance: r.balance ?? "0",
    createdAt: r.created_at.toISOString(),
  }));
}

export interface SessionRow {
  id: string;
  gameId: number;
  issuedAt: string;
  consumedAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Authorized, not revoked and not idle: can still take bets (D4). */
  live: boolean;
}

export interface PlayerRoundRow {
  roundId: string;
  gameId: number;
  status: "open" | "closed";
  betTotal: string;
  winTotal: string;
  openedAt: string;
  closedAt: string | null;
}

export interface PlayerDetail {
  player: PlayerListRow & { language: string | null };
  ledger: LedgerRow[];
  ledgerMore: boolean;
  sessions: SessionRow[];
  rounds: PlayerRoundRow[];
  audit: AuditEntry[];
}

export async function loadPlayer(viewer: Viewer, playerId: number, idleMinutes: number): Promise<PlayerDetail | null> {
  const admin = assertCan(viewer, "players.view");
  const p = await pool.query<{
    id: number;
    email: string;
    nick: string;
    role: SessionPlayer["role"];
    blocked: boolean;
    currency: string;
    language: string | null;
    balance: string | null;
    created_at: Date;
  }>(
    `SELECT p.id, p.email, p.nick, p.role, p.blocked, p.currency, p.language, w.balance::text AS balance, p.created_at
     FROM players p LEFT JOIN wallets w ON w.player_id = p.id WHERE p.id = $1`,
    [playerId],
  );
  const row = p.rows[0];
  if (!row) return null;
  const [ledger, sessions, rounds, audit] = await Promise.all([
    listTransactions(admin, { player: String(playerId) }, undefined, 25),
    pool.query<{
      id: string;
      game_id: number;
      issued_at: Date;
      consumed_at: Date | null;
      last_seen_at: Date | null;
      revoked_at: Date | null;
      live: boolean;
    }>(
      `SELECT id::text, game_id, issued_at, consumed_at, last_seen_at, revoked_at,
              (consumed_at IS NOT NULL AND revoked_at IS NULL
               AND COALESCE(last_seen_at, consumed_at) > now() - make_interval(mins => $2)) AS live
       FROM game_sessions WHERE player_id = $1 ORDER BY issued_at DESC LIMIT 20`,
      [playerId, idleMinutes],
    ),
    pool.query<{
      round_id: string;
      game_id: number;
      status: "open" | "closed";
      bet_total: string;
      win_total: string;
      opened_at: Date;
      closed_at: Date | null;
    }>(
      `SELECT round_id, game_id, status, bet_total::text, win_total::text, opened_at, closed_at
       FROM rounds WHERE player_id = $1 ORDER BY opened_at DESC LIMIT 20`,
      [playerId],
    ),
    auditForPlayer(admin, playerId),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    player: {
      id: row.id,
      email: row.email,
      nick: row.nick,
      role: row.role,
      blocked: row.blocked,
      currency: row.currency,
      language: row.language,
      balance: row.balance ?? "0",
      createdAt: row.created_at.toISOString(),
    },
    ledger: ledger.rows,
    ledgerMore: ledger.nextCursor !== null,
    sessions: sessions.rows.map((s) => ({
      id: s.id,
      gameId: s.game_id,
      issuedAt: s.issued_at.toISOString(),
      consumedAt: iso(s.consumed_at),
      lastSeenAt: iso(s.last_seen_at),
      revokedAt: iso(s.revoked_at),
      live: s.live,
    })),
    rounds: rounds.rows.map((r) => ({
      roundId: r.round_id,
      gameId: r.game_id,
      status: r.status,
      betTotal: r.bet_total,
      winTotal: r.win_total,
      openedAt: r.opened_at.toISOString(),
      closedAt: iso(r.closed_at),
    })),
    audit,
  };
}

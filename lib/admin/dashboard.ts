import "server-only";
import { pool } from "@/lib/db";
import { assertAdmin, type Viewer } from "./access";
import { exactAmount } from "./format";

export interface GgrPoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  currency: string;
  bets: string;
  wins: string;
  ggr: string;
}

export interface GameGgr {
  gameId: number;
  currency: string;
  rounds: number;
  bets: string;
  wins: string;
  ggr: string;
}

export interface StuckRound {
  playerId: number;
  email: string;
  roundId: string;
  gameId: number;
  currency: string;
  betTotal: string;
  openedAt: string;
}

export interface BigWin {
  ledgerId: string;
  createdAt: string;
  playerId: number;
  email: string;
  roundId: string | null;
  gameId: number | null;
  currency: string;
  amount: string;
}

export interface Dashboard {
  days: number;
  ggrByDay: GgrPoint[];
  ggrByGame: GameGgr[];
  activePlayers24h: number;
  activePlayers7d: number;
  stuckCount: number;
  stuckRounds: StuckRound[];
  biggestWins: BigWin[];
}

/**
 * The dashboard's figures. Every sum is grouped by currency: amounts in different currencies are
 * never added together. GGR = bets − wins = −(sum of signed bet and win amounts).
 */
export async function loadDashboard(viewer: Viewer, days = 14): Promise<Dashboard> {
  assertAdmin(viewer);
  const since = `now() - make_interval(days => $1)`;
  const [byDay, byGame, active, stuckCount, stuck, wins] = await Promise.all([
    pool.query<{ day: string; currency: string; bets: string; wins: string; ggr: string }>(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, currency,
              COALESCE(-sum(amount) FILTER (WHERE kind = 'bet'), 0)::text AS bets,
              COALESCE(sum(amount) FILTER (WHERE kind = 'win'), 0)::text AS wins,
              (-sum(amount))::text AS ggr
       FROM ledger_entries WHERE kind IN ('bet', 'win') AND created_at >= date_trunc('day', ${since})
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [days],
    ),
    pool.query<{ game_id: number; currency: string; rounds: string; bets: string; wins: string; ggr: string }>(
      `SELECT game_id, currency, count(*)::text AS rounds, sum(bet_total)::text AS bets, sum(win_total)::text AS wins,
              (sum(bet_total) - sum(win_total))::text AS ggr
       FROM rounds WHERE opened_at >= ${since} GROUP BY game_id, currency
       ORDER BY sum(bet_total) - sum(win_total) DESC LIMIT 30`,
      [days],
    ),
    pool.query<{ d1: string; d7: string }>(
      `SELECT count(DISTINCT player_id) FILTER (WHERE created_at > now() - interval '1 day')::text AS d1,
              count(DISTINCT player_id)::text AS d7
       FROM ledger_entries WHERE kind = 'bet' AND created_at > now() - interval '7 days'`,
    ),
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM rounds WHERE status = 'open' AND opened_at < now() - interval '1 hour'`),
    pool.query<{ player_id: number; email: string; round_id: string; game_id: number; currency: string; bet_total: string; opened_at: Date }>(
      `SELECT r.player_id, p.email, r.round_id, r.game_id, r.currency, r.bet_total::text, r.opened_at
       FROM rounds r JOIN players p ON p.id = r.player_id
       WHERE r.status = 'open' AND r.opened_at < now() - interval '1 hour' ORDER BY r.opened_at LIMIT 20`,
    ),
    // Top 5 per currency: a ranking across currencies would compare unlike units.
    pool.query<{ id: string; created_at: Date; player_id: number; email: string; round_id: string | null; game_id: number | null; currency: string; amount: string }>(
      `SELECT w.id::text, w.created_at, w.player_id, p.email, w.round_id, w.game_id, w.currency, w.amount::text
       FROM (SELECT l.*, row_number() OVER (PARTITION BY currency ORDER BY amount DESC, id DESC) AS rn
             FROM ledger_entries l WHERE kind = 'win' AND amount > 0 AND created_at >= ${since}) w
       JOIN players p ON p.id = w.player_id WHERE w.rn <= 5 ORDER BY w.currency, w.amount DESC`,
      [days],
    ),
  ]);
  return {
    days,
    ggrByDay: byDay.rows.map((r) => ({ day: r.day, currency: r.currency, bets: exactAmount(r.bets, r.currency), wins: exactAmount(r.wins, r.currency), ggr: exactAmount(r.ggr, r.currency) })),
    ggrByGame: byGame.rows.map((r) => ({ gameId: r.game_id, currency: r.currency, rounds: Number(r.rounds), bets: exactAmount(r.bets, r.currency), wins: exactAmount(r.wins, r.currency), ggr: exactAmount(r.ggr, r.currency) })),
    activePlayers24h: Number(active.rows[0]?.d1 ?? 0),
    activePlayers7d: Number(active.rows[0]?.d7 ?? 0),
    stuckCount: Number(stuckCount.rows[0]?.n ?? 0),
    stuckRounds: stuck.rows.map((r) => ({ playerId: r.player_id, email: r.email, roundId: r.round_id, gameId: r.game_id, currency: r.currency, betTotal: r.bet_total, openedAt: r.opened_at.toISOString() })),
    biggestWins: wins.rows.map((r) => ({ ledgerId: r.id, createdAt: r.created_at.toISOString(), playerId: r.player_id, email: r.email, roundId: r.round_id, gameId: r.game_id, currency: r.currency, amount: r.amount })),
  };
}

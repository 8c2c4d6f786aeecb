import "server-only";
import { pool } from "@/lib/db";
import { exactAmount } from "./format";
import { assertCan, type Viewer } from "./permissions";

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

const DAY_PARAM = `now() - make_interval(days => $1)`;

/**
 * GGR per UTC day and currency, by the day each round opened (rounds carry their bet and win
 * totals, so this reads half as many rows as the ledger and needs no per-row formatting: about
 * 85 ms instead of 480 ms at a million ledger rows). Open rounds count the bets taken so far.
 */
export async function ggrByDay(viewer: Viewer, days = 14): Promise<GgrPoint[]> {
  assertCan(viewer, "dashboard.view");
  const res = await pool.query<{ day: string; currency: string; bets: string; wins: string; ggr: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, bets::text, wins::text, (bets - wins)::text AS ggr
     FROM (SELECT (opened_at AT TIME ZONE 'UTC')::date AS day, currency, sum(bet_total) AS bets, sum(win_total) AS wins
           FROM rounds WHERE opened_at >= date_trunc('day', ${DAY_PARAM}) GROUP BY 1, 2) d
     ORDER BY 1, 2`,
    [days],
  );
  return res.rows.map((r) => ({
    day: r.day,
    currency: r.currency,
    bets: exactAmount(r.bets, r.currency),
    wins: exactAmount(r.wins, r.currency),
    ggr: exactAmount(r.ggr, r.currency),
  }));
}

export async function ggrByGame(viewer: Viewer, days = 14): Promise<GameGgr[]> {
  assertCan(viewer, "dashboard.view");
  const res = await pool.query<{ game_id: number; currency: string; rounds: string; bets: string; wins: string; ggr: string }>(
    `SELECT game_id, currency, count(*)::text AS rounds, sum(bet_total)::text AS bets, sum(win_total)::text AS wins,
            (sum(bet_total) - sum(win_total))::text AS ggr
     FROM rounds WHERE opened_at >= ${DAY_PARAM} GROUP BY game_id, currency
     ORDER BY sum(bet_total) - sum(win_total) DESC LIMIT 30`,
    [days],
  );
  return res.rows.map((r) => ({
    gameId: r.game_id,
    currency: r.currency,
    rounds: Number(r.rounds),
    bets: exactAmount(r.bets, r.currency),
    wins: exactAmount(r.wins, r.currency),
    ggr: exactAmount(r.ggr, r.currency),
  }));
}

/** Players who placed a bet in the last 24 hours / 7 days. */
export async function activePlayers(viewer: Viewer): Promise<{ d1: number; d7: number }> {
  assertCan(viewer, "dashboard.view");
  const res = await pool.query<{ d1: string; d7: string }>(
    `SELECT count(DISTINCT player_id) FILTER (WHERE created_at > now() - interval '1 day')::text AS d1,
            count(DISTINCT player_id)::text AS d7
     FROM ledger_entries WHERE kind = 'bet' AND created_at > now() - interval '7 days'`,
  );
  return { d1: Number(res.rows[0]?.d1 ?? 0), d7: Number(res.rows[0]?.d7 ?? 0) };
}

/** Rounds open for more than an hour: the provider never closed them (lost Debit, crashed game). */
export async function stuckRounds(viewer: Viewer): Promise<{ count: number; oldest: StuckRound[] }> {
  assertCan(viewer, "dashboard.view");
  const [count, rows] = await Promise.all([
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM rounds WHERE status = 'open' AND opened_at < now() - interval '1 hour'`),
    pool.query<{
      player_id: number;
      email: string;
      round_id: string;
      game_id: number;
      currency: string;
      bet_total: string;
      opened_at: Date;
    }>(
      `SELECT r.player_id, p.email, r.round_id, r.game_id, r.currency, r.bet_total::text, r.opened_at
       FROM rounds r JOIN players p ON p.id = r.player_id
       WHERE r.status = 'open' AND r.opened_at < now() - interval '1 hour' ORDER BY r.opened_at LIMIT 20`,
    ),
  ]);
  return {
    count: Number(count.rows[0]?.n ?? 0),
    oldest: rows.rows.map((r) => ({
      playerId: r.player_id,
      email: r.email,
      roundId: r.round_id,
      gameId: r.game_id,
      currency: r.currency,
      betTotal: r.bet_total,
      openedAt: r.opened_at.toISOString(),
    })),
  };
}

/** Top 5 wins per currency: a ranking across currencies would compare unlike units. */
export async function biggestWins(viewer: Viewer, days = 14): Promise<BigWin[]> {
  assertCan(viewer, "dashboard.view");
  const res = await pool.query<{
    id: string;
    created_at: Date;
    player_id: number;
    email: string;
    round_id: string | null;
    game_id: number | null;
    currency: string;
    amount: string;
  }>(
    `SELECT w.id::text, w.created_at, w.player_id, p.email, w.round_id, w.game_id, w.currency, w.amount::text
     FROM (SELECT l.*, row_number() OVER (PARTITION BY currency ORDER BY amount DESC, id DESC) AS rn
           FROM ledger_entries l WHERE kind = 'win' AND amount > 0 AND created_at >= ${DAY_PARAM}) w
     JOIN players p ON p.id = w.player_id WHERE w.rn <= 5 ORDER BY w.currency, w.amount DESC`,
    [days],
  );
  return res.rows.map((r) => ({
    ledgerId: r.id,
    createdAt: r.created_at.toISOString(),
    playerId: r.player_id,
    email: r.email,
    roundId: r.round_id,
    gameId: r.game_id,
    currency: r.currency,
    amount: r.amount,
  }));
}

/**
 * Everything at once (tests, bench). The page streams each part on its own instead. Every sum
 * is grouped by currency: amounts in different currencies are never added together.
 */
export async function loadDashboard(viewer: Viewer, days = 14): Promise<Dashboard> {
  assertCan(viewer, "dashboard.view");
  const [byDay, byGame, active, stuck, wins] = await Promise.all([
    ggrByDay(viewer, days),
    ggrByGame(viewer, days),
    activePlayers(viewer),
    stuckRounds(viewer),
    biggestWins(viewer, days),
  ]);
  return {
    days,
    ggrByDay: byDay,
    ggrByGame: byGame,
    activePlayers24h: active.d1,
    activePlayers7d: active.d7,
    stuckCount: stuck.count,
    stuckRounds: stuck.oldest,
    biggestWins: wins,
  };
}

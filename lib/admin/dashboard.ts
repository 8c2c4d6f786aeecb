import "server-only";
import { pool } from "@/lib/db";
import { exactAmount } from "./format";
import { assertCan, type Viewer } from "./permissions";
import { foldOldDays } from "./reports";

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
 * GGR per UTC day and currency over the last `days` days, from the rollup the ledger triggers keep
 * current (report_daily, summed over its shards): a few thousand rows instead of the ledger, under
 * 10 ms at a million ledger rows, and equal to a recount (tests/admin/reports.test.ts).
 */
export async function ggrByDay(viewer: Viewer, days = 14): Promise<GgrPoint[]> {
  assertCan(viewer, "dashboard.view");
  await foldOldDays();
  const res = await pool.query<{ day: string; currency: string; bets: string; wins: string; ggr: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, sum(bets)::text AS bets, sum(wins)::text AS wins, (sum(bets) - sum(wins))::text AS ggr
     FROM report_daily WHERE day >= (now() AT TIME ZONE 'UTC')::date - $1::int GROUP BY day, currency
     HAVING sum(bet_count) + sum(win_count) > 0 ORDER BY 1, 2`,
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

/** GGR per game and currency over the last `days` UTC days (rollup; rounds = rounds opened). */
export async function ggrByGame(viewer: Viewer, days = 14): Promise<GameGgr[]> {
  assertCan(viewer, "dashboard.view");
  await foldOldDays();
  const res = await pool.query<{ game_id: number; currency: string; rounds: string; bets: string; wins: string; ggr: string }>(
    `SELECT game_id, currency, sum(rounds)::text AS rounds, sum(bets)::text AS bets, sum(wins)::text AS wins,
            (sum(bets) - sum(wins))::text AS ggr
     FROM report_daily WHERE day >= (now() AT TIME ZONE 'UTC')::date - $1::int GROUP BY game_id, currency
     ORDER BY sum(bets) - sum(wins) DESC LIMIT 30`,
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

/** Distinct players who placed a bet today and in the last 7 UTC days (today included), from report_player_days. */
export async function activePlayers(viewer: Viewer): Promise<{ d1: number; d7: number }> {
  assertCan(viewer, "dashboard.view");
  // Today's count is the per-day counter (a few shard rows); the 7-day one must deduplicate players
  // across days: a hash aggregate over ~7 rows per player, twice as fast as count(DISTINCT)'s sort.
  const res = await pool.query<{ d1: string; d7: string }>(
    `SELECT (SELECT coalesce(sum(players), 0) FROM report_active_daily WHERE day = (now() AT TIME ZONE 'UTC')::date)::text AS d1,
            (SELECT count(*) FROM (SELECT player_id FROM report_player_days WHERE day > (now() AT TIME ZONE 'UTC')::date - 7
                                   GROUP BY player_id) p)::text AS d7`,
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
    // Per currency, walk the partial index of wins by amount (ledger_entries_win_currency_amount_idx)
    // and stop at 5 in the period, instead of ranking every win of the period.
    `SELECT w.id::text, w.created_at, w.player_id, p.email, w.round_id, w.game_id, w.currency, w.amount::text
     FROM currencies c CROSS JOIN LATERAL (
       SELECT l.* FROM ledger_entries l
       WHERE l.kind = 'win' AND l.currency = c.code AND l.amount > 0 AND l.created_at >= ${DAY_PARAM}
       ORDER BY l.amount DESC, l.id DESC LIMIT 5) w
     JOIN players p ON p.id = w.player_id ORDER BY w.currency, w.amount DESC, w.id DESC`,
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

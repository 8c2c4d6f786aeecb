import { beforeAll, describe, expect, it } from "vitest";
import { activityReport, foldOldDays, type GgrDimension, ggrCsv, ggrReport, parseReportQuery } from "@/lib/admin/reports";
import type { SessionPlayer } from "@/lib/auth/guards";
import { liveSession, makePlayer, pool } from "../wallet/harness";
import { parseCsv, staffViewer } from "./helpers";

/**
 * The reports read the trigger-maintained rollup; each one must equal a recount straight from the
 * ledger (and rounds) over the same range, after real callbacks (also concurrent ones) and rows on
 * earlier days.
 */
let finance: SessionPlayer;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const range = { from: daysAgo(5), to: today };

/** A closed round of `playerId` on an earlier day, written as the wallet would (rows inserted, triggers fire). */
async function pastRound(playerId: number, currency: string, gameId: number, ago: number, bet: string, win: string, tag: string) {
  const at = `now() - interval '${ago} days'`;
  const r = await pool.query<{ id: string }>(
    `INSERT INTO rounds (player_id, round_id, game_id, currency, status, bet_total, win_total, opened_at, closed_at)
     VALUES ($1, $2, $3, $4, 'closed', $5::numeric, $6::numeric, ${at}, ${at}) RETURNING id::text`,
    [playerId, tag, gameId, currency, bet, win],
  );
  const bal = (await pool.query<{ b: string }>(`SELECT balance::text AS b FROM wallets WHERE player_id = $1 FOR UPDATE`, [playerId]))
    .rows[0]!.b;
  await pool.query(
    `INSERT INTO ledger_entries (player_id, currency, kind, amount, balance_after, round_pk, round_id, transaction_id, game_id, created_at)
     VALUES ($1, $2, 'bet', -$3::numeric, $5::numeric - $3::numeric, $6, $7, $7 || 'b', $8, ${at}),
            ($1, $2, 'win', $4::numeric, $5::numeric - $3::numeric + $4::numeric, $6, $7, $7 || 'w', $8, ${at})`,
    [playerId, currency, bet, win, bal, r.rows[0]!.id, tag, gameId],
  );
  await pool.query(`UPDATE wallets SET balance = balance - $2::numeric + $3::numeric WHERE player_id = $1`, [playerId, bet, win]);
}

beforeAll(async () => {
  finance = await staffViewer("finance");
  // One at a time: password hashing is bounded per process (lib/auth/password.ts).
  const specs = [
    { currency: "EUR", balance: "500.00", gameId: 11 },
    { currency: "EUR", balance: "500.00", gameId: 12 },
    { currency: "USD", balance: "500.00", gameId: 11 },
    { currency: "BTC", balance: "1.00000000", gameId: 12 },
    ...Array.from({ length: 12 }, (_, i) => ({ currency: "EUR", balance: "100.00", gameId: 11 + (i % 3) })),
  ];
  const sessions: Awaited<ReturnType<typeof liveSession>>[] = [];
  for (const spec of specs) sessions.push(await liveSession(spec));
  const [eur11, eur12, usd11, btc12] = sessions;
  // Rounds with one or more bets, wins, a losing round closed by a zero win, an open round.
  await eur11!.bet("10.00", { round_id: "a1" });
  await eur11!.win("25.50", { round_id: "a1", is_close: true });
  await eur11!.bet("3.30", { round_id: "a2" });
  await eur11!.bet("0.70", { round_id: "a2" });
  await eur11!.win("0", { round_id: "a2", is_close: true });
  await eur12!.bet("7.77", { round_id: "b1" });
  await usd11!.bet("1.01", { round_id: "c1" });
  await usd11!.win("0.99", { round_id: "c1", is_close: true });
  await btc12!.bet("0.00012345", { round_id: "d1" });
  await btc12!.win("0.00100000", { round_id: "d1", is_close: true });
  // Many players at once (different shards, same day/game rows).
  await Promise.all(sessions.slice(4).map((s, i) => s.bet(`${i + 1}.25`, { round_id: `x${i}` })));
  await Promise.all(sessions.slice(4).map((s, i) => s.win(i % 2 ? "0" : "4.00", { round_id: `x${i}`, is_close: true })));
  // Earlier days.
  const old = await makePlayer({ currency: "EUR", balance: "200.00" });
  await pastRound(old.id, "EUR", 11, 2, "20.00", "5.00", "p1");
  await pastRound(old.id, "EUR", 13, 2, "1.00", "0", "p2");
  await pastRound(old.id, "EUR", 11, 4, "2.50", "10.00", "p3");
  // An adjustment is not gaming revenue.
  await pool.query(`SELECT * FROM wallet_adjust($1, 50, 'goodwill', NULL)`, [old.id]);
  // Outside the range: must not count.
  await pastRound(old.id, "EUR", 11, 9, "9.00", "0", "p4");
});

async function recount(by: GgrDimension) {
  const key =
    by === "day" ? `to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD')` : by === "currency" ? `currency` : `game_id::text`;
  const r = await pool.query<{ k: string; currency: string; bets: string; wins: string; bet_count: number; win_count: number }>(
    `SELECT ${key} AS k, currency, coalesce(-sum(amount) FILTER (WHERE kind = 'bet'), 0)::text AS bets,
            coalesce(sum(amount) FILTER (WHERE kind = 'win'), 0)::text AS wins,
            count(*) FILTER (WHERE kind = 'bet')::int AS bet_count, count(*) FILTER (WHERE kind = 'win')::int AS win_count
     FROM ledger_entries WHERE kind IN ('bet', 'win') AND (created_at AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date
     GROUP BY 1, 2`,
    [range.from, range.to],
  );
  return new Map(r.rows.map((x) => [`${x.k}/${x.currency}`, x]));
}

describe("reports equal a recount from the ledger", () => {
  it.each<GgrDimension>(["day", "game", "currency"])("GGR by %s", async (by) => {
    const rows = await ggrReport(finance, { ...range, by });
    const expected = await recount(by);
    expect(rows.length).toBe(expected.size);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      const e = expected.get(`${r.key}/${r.currency}`);
      expect(e, `${r.key}/${r.currency}`).toBeDefined();
      expect(Number.isNaN(Number(r.bets))).toBe(false);
      expect([r.bets, r.wins, r.betCount, r.winCount]).toEqual([
        (await pool.query(`SELECT round($1::numeric, $2)::text AS v`, [e!.bets, r.bets.split(".")[1]?.length ?? 0])).rows[0].v,
        (await pool.query(`SELECT round($1::numeric, $2)::text AS v`, [e!.wins, r.wins.split(".")[1]?.length ?? 0])).rows[0].v,
        e!.bet_count,
        e!.win_count,
      ]);
      const ggr = (await pool.query(`SELECT ($1::numeric - $2::numeric) = $3::numeric AS ok`, [e!.bets, e!.wins, r.ggr])).rows[0].ok;
      expect(ggr).toBe(true);
    }
  });

  it("GGR by studio adds up to the per-currency totals (games without a known studio are grouped as such)", async () => {
    const studios = await ggrReport(finance, { ...range, by: "studio" });
    const currencies = await ggrReport(finance, { ...range, by: "currency" });
    for (const c of currencies) {
      const sum = await pool.query(`SELECT coalesce(sum(v::numeric), 0) = $1::numeric AS ok FROM unnest($2::text[]) v`, [
        c.ggr,
        studios.filter((s) => s.currency === c.currency).map((s) => s.ggr),
      ]);
      expect(sum.rows[0].ok, c.currency).toBe(true);
    }
  });

  it("exact amounts: 0.00012345 BTC bet and 0.001 BTC win come out to the satoshi", async () => {
    const btc = (await ggrReport(finance, { ...range, by: "currency" })).find((r) => r.currency === "BTC");
    expect(btc).toMatchObject({ bets: "0.00012345", wins: "0.00100000", ggr: "-0.00087655" });
  });

  it("rounds and active players per day equal a recount from rounds and the ledger; days without play are 0", async () => {
    const days = await activityReport(finance, range);
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 6 }, (_, i) => daysAgo(5 - i)));
    const rounds = await pool.query<{ d: string; n: number }>(
      `SELECT to_char((opened_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS d, count(*)::int AS n FROM rounds GROUP BY 1`,
    );
    const active = await pool.query<{ d: string; n: number }>(
      `SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS d, count(DISTINCT player_id)::int AS n
       FROM ledger_entries WHERE kind = 'bet' GROUP BY 1`,
    );
    const r = new Map(rounds.rows.map((x) => [x.d, x.n]));
    const a = new Map(active.rows.map((x) => [x.d, x.n]));
    for (const d of days) expect([d.day, d.rounds, d.activePlayers]).toEqual([d.day, r.get(d.day) ?? 0, a.get(d.day) ?? 0]);
    expect(days.find((d) => d.day === today)?.activePlayers).toBe(16);
    expect(days.find((d) => d.day === daysAgo(2))).toMatchObject({ rounds: 2, activePlayers: 1 });
    expect(days.find((d) => d.day === daysAgo(3))).toMatchObject({ rounds: 0, activePlayers: 0 });
  });

  it("CSV carries the same rows; support may not read reports", async () => {
    const csv = parseCsv(await ggrCsv(finance, { ...range, by: "game" }));
    const rows = await ggrReport(finance, { ...range, by: "game" });
    expect(csv[0]).toEqual(["dimension", "key", "label", "currency", "bets", "wins", "ggr", "bet_count", "win_count", "rounds"]);
    expect(csv.slice(1).map((c) => [c[1], c[3], c[6]])).toEqual(rows.map((r) => [r.key, r.currency, r.ggr]));
    const support = await staffViewer("support");
    await expect(ggrReport(support, { ...range, by: "day" })).rejects.toMatchObject({ status: 403 });
    await expect(ggrCsv(support, { ...range, by: "day" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("folding old days", () => {
  it("days before today keep one row per (day, game, currency); a late write to a folded day still adds up", async () => {
    // Yesterday too: two players, one game (one or two shard rows, by the writing backend).
    const y1 = await makePlayer({ currency: "EUR", balance: "50.00" });
    const y2 = await makePlayer({ currency: "EUR", balance: "50.00" });
    await pastRound(y1.id, "EUR", 12, 1, "3.00", "0", "y1");
    await pastRound(y2.id, "EUR", 12, 1, "2.00", "7.00", "y2");
    const shards = await pool.query(`SELECT count(*)::int AS n FROM report_daily WHERE shard >= 0 AND day = $1::date`, [daysAgo(1)]);
    expect(shards.rows[0].n).toBeGreaterThanOrEqual(1);
    await foldOldDays(Date.now() + 3_600_000);
    const unfolded = await pool.query(`SELECT count(*)::int AS n FROM report_daily WHERE shard >= 0 AND day < $1::date`, [today]);
    expect(unfolded.rows[0].n).toBe(0);
    const folded = await pool.query(`SELECT count(*)::int AS n FROM report_daily WHERE day = $1::date`, [daysAgo(2)]);
    expect(folded.rows[0].n).toBe(2); // games 11 and 13, EUR
    const yesterday = await pool.query(`SELECT shard, bets::text, wins::text, bet_count FROM report_daily WHERE day = $1::date`, [
      daysAgo(1),
    ]);
    expect(yesterday.rows).toEqual([{ shard: -1, bets: "5.00000000", wins: "7.00000000", bet_count: 2 }]);
    // Today stays sharded: its rows are the ones concurrent callbacks write.
    const todays = await pool.query(
      `SELECT count(*) FILTER (WHERE shard >= 0)::int AS sharded, count(*) FILTER (WHERE shard < 0)::int AS folded
       FROM report_daily WHERE day = $1::date`,
      [today],
    );
    expect(todays.rows[0].sharded).toBeGreaterThan(0);
    expect(todays.rows[0].folded).toBe(0);
    const late = await makePlayer({ currency: "EUR", balance: "50.00" });
    await pastRound(late.id, "EUR", 11, 2, "4.00", "1.50", "late1");
    await foldOldDays(Date.now() + 7_200_000);
    for (const by of ["day", "game", "currency"] as const) {
      const all = await ggrReport(finance, { ...range, by });
      const recounted = await recount(by);
      expect(all.length, by).toBe(recounted.size);
      for (const r of all) {
        const e = recounted.get(`${r.key}/${r.currency}`)!;
        const same = await pool.query(`SELECT $1::numeric = $2::numeric AND $3::numeric = $4::numeric AS ok`, [
          r.bets,
          e.bets,
          r.wins,
          e.wins,
        ]);
        expect(same.rows[0].ok, `${by} ${r.key}/${r.currency}`).toBe(true);
        expect([r.betCount, r.winCount]).toEqual([e.bet_count, e.win_count]);
      }
    }
    const rows = await ggrReport(finance, { ...range, by: "day" });
    const expected = await recount("day");
    const two = rows.find((r) => r.key === daysAgo(2) && r.currency === "EUR");
    expect(two?.bets).toBe(
      (await pool.query(`SELECT round($1::numeric, 2)::text AS v`, [expected.get(`${daysAgo(2)}/EUR`)!.bets])).rows[0].v,
    );
    const activity = await activityReport(finance, range);
    expect(activity.find((d) => d.day === daysAgo(2))).toMatchObject({ rounds: 3, activePlayers: 2 });
    expect(activity.find((d) => d.day === daysAgo(1))).toMatchObject({ rounds: 2, activePlayers: 2 });
  });
});

describe("report parameters", () => {
  it.each<[Record<string, string>, string[]]>([
    [{}, []],
    [{ from: "2026-01-01", to: "2026-01-31", by: "studio" }, []],
    [{ from: "yesterday" }, ["from"]],
    [{ from: "2026-02-01", to: "2026-01-01" }, ["from"]],
    [{ from: "2020-01-01", to: "2026-01-01" }, ["range"]],
    [{ by: "player" }, ["by"]],
  ])("%j → errors %j", (sp, errs) => {
    const { errors } = parseReportQuery(sp, new Date("2026-06-30T12:00:00Z"));
    expect(errors.map((e) => e.split(":")[0])).toEqual(errs);
  });
});

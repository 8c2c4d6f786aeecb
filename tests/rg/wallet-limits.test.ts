import { describe, expect, it } from "vitest";
import type { LimitKind, LimitPeriod } from "@/lib/rg/definitions";
import { setLimit } from "@/lib/rg/limits";
import { money } from "@/lib/wallet/money";
import { minorUnits } from "@/lib/webgames/currencies";
import { balanceOf, ledgerSum, liveSession, pool, raw } from "../wallet/harness";

/**
 * D12 at the bet: a loss or wager limit allows a bet that reaches it exactly and refuses one minor
 * unit more with code 2 naming the limit, moving nothing; in currencies with 0, 2, 3 and 8 decimals.
 */
const player = { staffId: null };
const oneMinor = (currency: string) =>
  money(1)
    .dividedBy(money(10).pow(minorUnits(currency)))
    .toFixed();

const CURRENCIES: { currency: string; limit: string; first: string }[] = [
  { currency: "EUR", limit: "50.00", first: "20.00" },
  { currency: "JPY", limit: "5000", first: "1234" },
  { currency: "BHD", limit: "7.500", first: "2.125" },
  { currency: "BTC", limit: "0.00100000", first: "0.00012345" },
];
const MONEY_LIMITS: { kind: LimitKind; period: LimitPeriod; label: string }[] = [
  { kind: "loss", period: "day", label: "Daily loss limit reached" },
  { kind: "loss", period: "week", label: "Weekly loss limit reached" },
  { kind: "loss", period: "month", label: "Monthly loss limit reached" },
  { kind: "wager", period: "day", label: "Daily wager limit reached" },
  { kind: "wager", period: "week", label: "Weekly wager limit reached" },
  { kind: "wager", period: "month", label: "Monthly wager limit reached" },
];

describe("loss and wager limits at the bet (D12)", () => {
  for (const c of CURRENCIES) {
    for (const l of MONEY_LIMITS) {
      it(`${l.label.replace(" reached", "")} in ${c.currency}: exactly at the limit is allowed, one minor unit over is refused (2)`, async () => {
        const s = await liveSession({ currency: c.currency, balance: money(c.limit).times(10).toFixed() });
        expect(await setLimit({ playerId: s.player.id, kind: l.kind, period: l.period, value: c.limit, actor: player })).toMatchObject({
          status: "applied",
        });
        const rest = money(c.limit).minus(c.first).toFixed();
        expect((await s.bet(raw(c.first))).json.code).toBe(0);
        const over = await s.bet(raw(money(rest).plus(oneMinor(c.currency)).toFixed()));
        expect(over.json).toMatchObject({ code: 2, message: l.label });
        const balanceBefore = await balanceOf(s.player.id);
        expect((await s.bet(raw(rest))).json.code).toBe(0);
        expect(money(await balanceOf(s.player.id)).equals(money(balanceBefore).minus(rest))).toBe(true);
        const after = await s.bet(raw(oneMinor(c.currency)));
        expect(after.json).toMatchObject({ code: 2, message: l.label });
        expect(await ledgerSum(s.player.id)).toBe(await balanceOf(s.player.id));
      });
    }
  }

  it("a loss limit counts bets minus wins: winnings give room, a wager limit ignores them", async () => {
    const s = await liveSession({ currency: "EUR", balance: "500.00" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "50.00", actor: player });
    expect((await s.bet(raw("50.00"), { round_id: "a" })).json.code).toBe(0);
    expect((await s.win(raw("30.00"), { round_id: "a", is_close: true })).json.code).toBe(0);
    expect((await s.bet(raw("30.01"), { round_id: "b" })).json).toMatchObject({ code: 2, message: "Daily loss limit reached" });
    expect((await s.bet(raw("30.00"), { round_id: "b" })).json.code).toBe(0);

    const w = await liveSession({ currency: "EUR", balance: "500.00" });
    await setLimit({ playerId: w.player.id, kind: "wager", period: "day", value: "50.00", actor: player });
    expect((await w.bet(raw("50.00"), { round_id: "a" })).json.code).toBe(0);
    expect((await w.win(raw("30.00"), { round_id: "a", is_close: true })).json.code).toBe(0);
    expect((await w.bet(raw("0.01"), { round_id: "b" })).json).toMatchObject({ code: 2, message: "Daily wager limit reached" });
  });

  it("a refused bet moves nothing and a repeat of an accepted bet is still answered the same (D5)", async () => {
    const s = await liveSession({ currency: "EUR", balance: "100.00" });
    const first = await s.bet(raw("10.00"), { round_id: "r", transaction_id: "t1" });
    await setLimit({ playerId: s.player.id, kind: "wager", period: "day", value: "5.00", actor: player });
    const repeat = await s.bet(raw("10.00"), { round_id: "r", transaction_id: "t1" });
    expect(repeat.text).toBe(first.text);
    const refused = await s.bet(raw("1.00"), { round_id: "r", transaction_id: "t2" });
    expect(refused.json).toMatchObject({ code: 2, message: "Daily wager limit reached", balance: 90 });
    expect(await balanceOf(s.player.id)).toBe("90.00000000");
    const rounds = await pool.query("SELECT bet_total::text FROM rounds WHERE player_id = $1", [s.player.id]);
    expect(rounds.rows).toEqual([{ bet_total: "10.00000000" }]);
  });

  it("the tightest of several limits decides, and the message names it", async () => {
    const s = await liveSession({ currency: "EUR", balance: "500.00" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "month", value: "20.00", actor: player });
    await setLimit({ playerId: s.player.id, kind: "wager", period: "day", value: "100.00", actor: player });
    expect((await s.bet(raw("20.01"))).json).toMatchObject({ code: 2, message: "Monthly loss limit reached" });
    expect((await s.bet(raw("20.00"))).json.code).toBe(0);
  });

  it("50 concurrent bets against a daily loss limit never take the loss past it", async () => {
    const s = await liveSession({ currency: "EUR", balance: "1000.00" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "105.00", actor: player });
    // Like the provider, repeat a code-1 answer (a pool or lock timeout on a loaded machine) with the
    // same transaction until it is decided; D5 makes the repeat safe.
    const decided = async (i: number) => {
      for (let attempt = 1; ; attempt++) {
        const a = await s.bet(raw(i % 2 ? "10.00" : "7.00"), { round_id: `c${i}`, transaction_id: `t${i}` });
        if (a.json.code !== 1 || attempt === 10) return a;
      }
    };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => decided(i)));
    const ok = answers.filter((a) => a.json.code === 0);
    const refused = answers.filter((a) => a.json.code !== 0);
    for (const a of refused) expect(a.json).toMatchObject({ code: 2, message: "Daily loss limit reached" });
    const lost = money(1000).minus(await balanceOf(s.player.id));
    expect(lost.lessThanOrEqualTo(105)).toBe(true);
    // Nothing refused that would have fitted: whatever was refused was bigger than what was left.
    expect(lost.plus(7).greaterThan(105)).toBe(true);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    const counters = await pool.query("SELECT day_bets::text FROM rg_counters WHERE player_id = $1", [s.player.id]);
    expect(money(counters.rows[0].day_bets).equals(lost)).toBe(true);
    expect(await ledgerSum(s.player.id)).toBe(await balanceOf(s.player.id));
  });

  it("concurrent bets and wins of several players keep each one's period counters equal to its ledger", async () => {
    const sessions = await Promise.all(Array.from({ length: 4 }, () => liveSession({ currency: "EUR", balance: "200.00" })));
    await Promise.all(
      sessions.flatMap((s) =>
        Array.from({ length: 15 }, async (_, i) => {
          const b = await s.bet(raw("3.30"), { round_id: `r${i}` });
          if (b.json.code === 0) await s.win(raw(i % 3 ? "0" : "5.05"), { round_id: `r${i}`, is_close: true });
        }),
      ),
    );
    for (const s of sessions) {
      // Under a loaded machine some calls may fail (code 1, retried by a real provider): whatever
      // committed is in both the ledger and the counters.
      const r = await pool.query(
        `SELECT COALESCE((SELECT day_bets FROM rg_counters WHERE player_id = $1), 0)::numeric(38,8)::text AS bets,
                COALESCE((SELECT day_wins FROM rg_counters WHERE player_id = $1), 0)::numeric(38,8)::text AS wins,
                COALESCE((SELECT -sum(amount) FROM ledger_entries WHERE player_id = $1 AND kind = 'bet'), 0)::numeric(38,8)::text AS lbets,
                COALESCE((SELECT sum(amount) FROM ledger_entries WHERE player_id = $1 AND kind = 'win'), 0)::numeric(38,8)::text AS lwins`,
        [s.player.id],
      );
      expect(r.rows[0].bets).toBe(r.rows[0].lbets);
      expect(r.rows[0].wins).toBe(r.rows[0].lwins);
    }
  });

  it("periods are calendar periods in UTC: yesterday's bets do not count today, this week's do", async () => {
    const s = await liveSession({ currency: "EUR", balance: "500.00" });
    // As if the player had bet 40.00 yesterday (UTC) and earlier this week or month.
    await pool.query(
      `INSERT INTO rg_counters (player_id, day, day_bets, week, week_bets, month, month_bets)
       VALUES ($1, rg_day(now()) - 1, 40, rg_week(now()), 40, rg_month(now()), 40)`,
      [s.player.id],
    );
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "50.00", actor: player });
    expect((await s.bet(raw("50.00"))).json.code).toBe(0);
    const c = await pool.query("SELECT day_bets::text, week_bets::text FROM rg_counters WHERE player_id = $1", [s.player.id]);
    expect(c.rows[0]).toEqual({ day_bets: "50.00000000", week_bets: "90.00000000" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "week", value: "90.00", actor: player });
    expect((await s.bet(raw("0.01"))).json).toMatchObject({ code: 2, message: "Daily loss limit reached" });
  });
});

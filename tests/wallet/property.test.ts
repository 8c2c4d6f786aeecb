import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceOf, ledgerSum, liveSession, pool, raw } from "./harness";

/**
 * Random sequences of bets, wins, exact repeats and mismatched repeats against an in-memory model
 * of docs/protocol.md (D5, D6, D8). After every step the wallet's code must equal the model's; at the
 * end: balance = model = sum of ledger, never negative, one ledger row per key, closed rounds frozen.
 */
type Op =
  | { t: "bet" | "win"; player: number; round: number; tx: number; cents: number; close: boolean }
  | { t: "repeat"; index: number; mismatch: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("bet" as const),
      player: fc.integer({ min: 0, max: 1 }),
      round: fc.integer({ min: 0, max: 4 }),
      tx: fc.integer({ min: 0, max: 1_000_000 }),
      cents: fc.integer({ min: 0, max: 4_000 }),
      close: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant("win" as const),
      player: fc.integer({ min: 0, max: 1 }),
      round: fc.integer({ min: 0, max: 4 }),
      tx: fc.integer({ min: 0, max: 1_000_000 }),
      cents: fc.integer({ min: 0, max: 6_000 }),
      close: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("repeat" as const), index: fc.nat(), mismatch: fc.boolean() }) },
);

const amountOf = (cents: number) => new Decimal(cents).div(100).toFixed(2);

describe("property: wallet vs in-memory model", () => {
  it("codes, balances and the ledger always agree with the model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        const sessions = [await liveSession({ balance: "50.00" }), await liveSession({ balance: "50.00" })];
        const model = sessions.map(() => ({
          balance: new Decimal("50.00"),
          rounds: new Map<string, { closed: boolean; bet: Decimal; win: Decimal }>(),
          keys: new Map<string, { t: "bet" | "win"; amount: string }>(),
        }));
        const done: Extract<Op, { t: "bet" | "win" }>[] = [];
        for (const op0 of ops) {
          let op: Extract<Op, { t: "bet" | "win" }>;
          if (op0.t === "repeat") {
            if (done.length === 0) continue;
            const prev = done[op0.index % done.length]!;
            op = op0.mismatch ? { ...prev, cents: prev.cents + 1 } : prev;
          } else op = op0;
          const m = model[op.player]!;
          const s = sessions[op.player]!;
          const amount = amountOf(op.cents);
          const key = `${op.round}/${op.tx}`;
          const round = m.rounds.get(String(op.round));
          let expected: number;
          const prior = m.keys.get(key);
          if (prior) expected = prior.t === op.t && prior.amount === amount ? 0 : 1;
          else if (op.t === "bet") {
            if (round?.closed) expected = 5;
            else if (m.balance.lessThan(amount)) expected = 2;
            else expected = 0;
          } else if (!round) expected = 8;
          else if (round.closed) expected = 5;
          else expected = 0;

          const send = op.t === "bet" ? s.bet : s.win;
          const a = await send(raw(amount), { round_id: String(op.round), transaction_id: String(op.tx), is_close: op.close });
          expect(a.json.code, `${op.t} ${key} ${amount}`).toBe(expected);
          if (expected === 0 && !prior) {
            m.keys.set(key, { t: op.t, amount });
            const r = round ?? { closed: false, bet: new Decimal(0), win: new Decimal(0) };
            if (op.t === "bet") {
              m.balance = m.balance.minus(amount);
              r.bet = r.bet.plus(amount);
            } else {
              m.balance = m.balance.plus(amount);
              r.win = r.win.plus(amount);
            }
            if (op.close) r.closed = true;
            m.rounds.set(String(op.round), r);
            done.push(op);
          }
          if (expected === 0) expect(a.json.balance === undefined || typeof a.json.balance === "number").toBe(true);
        }
        for (let i = 0; i < sessions.length; i++) {
          const pid = sessions[i]!.player.id;
          const m = model[i]!;
          expect(await balanceOf(pid)).toBe(m.balance.toFixed(8));
          expect(await ledgerSum(pid)).toBe(m.balance.toFixed(8));
          const dupes = await pool.query(
            "SELECT count(*)::int AS n FROM (SELECT 1 FROM ledger_entries WHERE player_id = $1 AND round_id IS NOT NULL GROUP BY round_id, transaction_id HAVING count(*) > 1) d",
            [pid],
          );
          expect(dupes.rows[0].n).toBe(0);
          const rounds = await pool.query("SELECT round_id, status, bet_total::text, win_total::text FROM rounds WHERE player_id = $1", [
            pid,
          ]);
          for (const r of rounds.rows) {
            const mr = m.rounds.get(r.round_id)!;
            expect({ closed: r.status === "closed", bet: r.bet_total, win: r.win_total }).toEqual({
              closed: mr.closed,
              bet: mr.bet.toFixed(8),
              win: mr.win.toFixed(8),
            });
          }
          const neg = await pool.query("SELECT count(*)::int AS n FROM ledger_entries WHERE player_id = $1 AND balance_after < 0", [pid]);
          expect(neg.rows[0].n).toBe(0);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import { exactAmount } from "@/lib/admin/format";
import { AdminAccessError } from "@/lib/admin/permissions";
import {
  CSV_COLUMNS,
  listTransactions,
  parseTransactionFilters,
  type TransactionFilters,
  transactionsCsvStream,
  transactionTotals,
} from "@/lib/admin/transactions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { adjustBalance } from "@/lib/wallet/adjust";
import { liveSession, pool } from "../wallet/harness";
import { parseCsv, readText, viewers } from "./helpers";

let admin: SessionPlayer;
let eur: Awaited<ReturnType<typeof liveSession>>;
let usd: Awaited<ReturnType<typeof liveSession>>;

beforeAll(async () => {
  ({ admin } = await viewers());
  eur = await liveSession({ balance: "100.00", gameId: 11 });
  usd = await liveSession({ currency: "USD", balance: "50.00", gameId: 22 });
  // Amounts chosen so a float sum would show artefacts (0.1 + 0.2).
  await eur.bet("0.10", { round_id: "R1", transaction_id: "T1" });
  await eur.bet("0.20", { round_id: "R1", transaction_id: "T2" });
  await eur.win("1.35", { round_id: "R1", transaction_id: "T3", is_close: true, bet_amount: "0.30" });
  await eur.bet("12.34", { round_id: "R2", transaction_id: "T4" });
  await usd.bet("7.77", { round_id: "R1", transaction_id: "T1" });
  await usd.win("0.01", { round_id: "R1", transaction_id: "T5", is_close: true });
  await adjustBalance({ playerId: eur.player.id, amount: "-3.03", reason: 'Chargeback, "disputed"\nsecond line', adminId: admin.id });
});

/** The same set straight from SQL, newest first. */
async function sqlIds(where: string, params: unknown[]): Promise<string[]> {
  const r = await pool.query<{ id: string }>(`SELECT id::text FROM ledger_entries l ${where} ORDER BY created_at DESC, id DESC`, params);
  return r.rows.map((x) => x.id);
}

async function allPages(f: TransactionFilters, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listTransactions(admin, f, cursor, limit);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe("transactions filters", () => {
  it.each<[string, () => TransactionFilters, () => [string, unknown[]]]>([
    ["no filter", () => ({}), () => ["", []]],
    ["player by id", () => ({ player: String(eur.player.id) }), () => ["WHERE player_id = $1", [eur.player.id]]],
    ["player by email (any case)", () => ({ player: eur.player.email.toUpperCase() }), () => ["WHERE player_id = $1", [eur.player.id]]],
    ["game", () => ({ game: "22" }), () => ["WHERE game_id = 22", []]],
    ["round across players", () => ({ round: "R1" }), () => ["WHERE round_id = 'R1'", []]],
    ["kind bet", () => ({ kind: "bet" }), () => ["WHERE kind = 'bet'", []]],
    ["kind adjustment", () => ({ kind: "adjustment" }), () => ["WHERE kind = 'adjustment'", []]],
    ["currency", () => ({ currency: "USD" }), () => ["WHERE currency = 'USD'", []]],
    ["absolute amount range", () => ({ min: "0.2", max: "7.77" }), () => ["WHERE abs(amount) BETWEEN 0.2 AND 7.77", []]],
    [
      "date range today",
      () => ({ from: new Date().toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) }),
      () => ["", []],
    ],
    ["date range in the past", () => ({ from: "2020-01-01", to: "2020-01-02" }), () => ["WHERE false", []]],
    ["search transaction id", () => ({ q: "T1" }), () => ["WHERE transaction_id = 'T1'", []]],
    ["search round id", () => ({ q: "R2" }), () => ["WHERE round_id = 'R2'", []]],
    [
      "combined",
      () => ({ player: String(eur.player.id), kind: "bet", min: "0.15" }),
      () => ["WHERE player_id = $1 AND kind = 'bet' AND abs(amount) >= 0.15", [eur.player.id]],
    ],
  ])("%s matches SQL, across keyset pages", async (_name, filters, where) => {
    const [sql, params] = where();
    const expected = await sqlIds(sql, params);
    expect(await allPages(filters(), 2)).toEqual(expected);
    expect(await allPages(filters(), 50)).toEqual(expected);
  });

  it("searches by external_session_id (the ledger id)", async () => {
    const one = await pool.query<{ id: string }>(`SELECT id::text FROM ledger_entries WHERE transaction_id = 'T4'`);
    const id = one.rows[0]!.id;
    const page = await listTransactions(admin, { q: id });
    expect(page.rows.map((r) => r.id)).toContain(id);
    expect(page.rows.every((r) => r.id === id || r.transactionId === id || r.roundId === id)).toBe(true);
  });

  it("validates URL filters field by field and keeps the valid ones", () => {
    const { filters, errors } = parseTransactionFilters({ kind: "jackpot", game: "11", min: "1e3", currency: "EUR", from: "yesterday" });
    expect(filters).toEqual({ game: "11", currency: "EUR" });
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(["from", "kind", "min"]);
  });

  it("ignores a mangled cursor (first page) instead of failing", async () => {
    const page = await listTransactions(admin, {}, "not-a-cursor", 2);
    expect(page.rows).toHaveLength(2);
  });
});

describe("transactions totals", () => {
  it("are exact per currency and equal direct SQL", async () => {
    const totals = await transactionTotals(admin, {});
    const eurT = totals.find((t) => t.currency === "EUR")!;
    const usdT = totals.find((t) => t.currency === "USD")!;
    const sql = await pool.query<{ currency: string; n: number; net: string }>(
      `SELECT currency, count(*)::int AS n, sum(amount)::text AS net FROM ledger_entries GROUP BY currency`,
    );
    for (const row of sql.rows) {
      const t = totals.find((x) => x.currency === row.currency)!;
      expect(t.count).toBe(row.n);
      expect(t.net).toBe(exactAmount(row.net, row.currency));
    }
    // Only this file's sessions bet, so bets and wins are known exactly.
    expect(eurT.bets).toBe("12.64");
    expect(eurT.wins).toBe("1.35");
    expect(eurT.ggr).toBe("11.29");
    expect(usdT.bets).toBe("7.77");
    expect(usdT.wins).toBe("0.01");
    expect(usdT.ggr).toBe("7.76");
  });

  it("follow the filters", async () => {
    const totals = await transactionTotals(admin, { round: "R1", currency: "EUR" });
    expect(totals).toEqual([{ currency: "EUR", count: 3, bets: "0.30", wins: "1.35", adjustments: "0.00", net: "1.05", ggr: "-1.05" }]);
  });
});

describe("CSV export", () => {
  it("parses back to exactly the filtered rows, amounts as exact decimal text, across batches", async () => {
    const filters: TransactionFilters = {};
    const text = await readText(transactionsCsvStream(admin, filters, 3));
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const sql = await pool.query<Record<string, string | null>>(
      `SELECT l.id::text, l.player_id::text, p.email, l.currency, l.kind::text, l.amount::text, l.balance_after::text,
              l.round_id, l.transaction_id, l.game_id::text, l.reason,
              to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
       FROM ledger_entries l JOIN players p ON p.id = l.player_id ORDER BY l.created_at DESC, l.id DESC`,
    );
    expect(records).toHaveLength(sql.rows.length);
    sql.rows.forEach((row, i) => {
      const rec = Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, records[i]![j]]));
      expect(rec).toMatchObject({
        external_session_id: row.id,
        created_at: row.created_at,
        player_id: row.player_id,
        email: row.email,
        currency: row.currency,
        kind: row.kind,
        round_id: row.round_id ?? "",
        transaction_id: row.transaction_id ?? "",
        game_id: row.game_id ?? "",
        reason: row.reason ?? "",
      });
      // Same decimal value, written to the currency's minor units.
      expect(rec.amount).toBe(exactAmount(row.amount!, row.currency!));
      expect(rec.balance_after).toBe(exactAmount(row.balance_after!, row.currency!));
    });
    expect(text).toContain("-3.03");
    expect(records.some((r) => r.includes('Chargeback, "disputed"\nsecond line'))).toBe(true);
  });

  it("neutralises cells a spreadsheet would run as formulas; exact negative amounts stay numbers", async () => {
    const victim = await liveSession({ balance: "10.00" });
    const formulas = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"];
    for (const reason of formulas) await adjustBalance({ playerId: victim.player.id, amount: "-0.01", reason, adminId: admin.id });
    const text = await readText(transactionsCsvStream(admin, { player: String(victim.player.id) }));
    const [header, ...records] = parseCsv(text);
    const reasonAt = header!.indexOf("reason");
    const amountAt = header!.indexOf("amount");
    const reasons = records.map((r) => r[reasonAt]!).filter((r) => r !== "Opening balance");
    expect(reasons.sort()).toEqual(formulas.map((f) => `'${f}`).sort());
    for (const r of records) if (r[reasonAt] !== "Opening balance") expect(r[amountAt]).toBe("-0.01");
  });

  it("exports a filtered set only", async () => {
    const text = await readText(transactionsCsvStream(admin, { currency: "USD" }));
    const [, ...records] = parseCsv(text);
    expect(records.map((r) => r[4])).toEqual(records.map(() => "USD"));
    expect(records.map((r) => r[6]).sort()).toEqual(["-7.77", "0.01", "50.00"].sort());
  });
});

describe("transactions access", () => {
  it("refuses anonymous and players in every loader", async () => {
    const { player } = await viewers();
    for (const [viewer, status] of [
      [null, 401],
      [player, 403],
    ] as const) {
      await expect(listTransactions(viewer, {})).rejects.toMatchObject({ status });
      await expect(transactionTotals(viewer, {})).rejects.toBeInstanceOf(AdminAccessError);
      expect(() => transactionsCsvStream(viewer, {})).toThrow(AdminAccessError);
    }
  });
});

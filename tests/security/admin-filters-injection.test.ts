import { describe, expect, it } from "vitest";
import { callbackHealth, listCallbacks, parseCallbackFilters } from "@/lib/admin/callbacks";
import { searchPlayers } from "@/lib/admin/players";
import { findRounds, loadRound } from "@/lib/admin/rounds";
import { listTransactions, parseTransactionFilters, transactionsCsvStream, transactionTotals } from "@/lib/admin/transactions";
import { readText, viewers } from "../admin/helpers";
import { ledgerCount, liveSession, pool, raw } from "../wallet/harness";

/** SQL injection strings in every back-office filter and search field are inert: no error, no rows, no change. */
const EVIL = [
  "' OR '1'='1",
  "1; DROP TABLE ledger_entries; --",
  "1) OR (1=1",
  "%' UNION SELECT password_hash, 1, 1 FROM players --",
  "\\'; SELECT pg_sleep(3); --",
  "$1",
  "%",
  "_",
];

describe("SQL injection in every admin filter", () => {
  it("transactions: each filter and the search field", async () => {
    const { admin } = await viewers();
    const s = await liveSession({ balance: "10.00" });
    await s.bet(raw("1"), { round_id: "R1", transaction_id: "T1" });
    const before = await ledgerCount(s.player.id);
    for (const evil of EVIL) {
      for (const key of ["player", "game", "round", "kind", "from", "to", "min", "max", "currency", "q"]) {
        const { filters } = parseTransactionFilters({ [key]: evil });
        const page = await listTransactions(admin, filters);
        // Either the field refused the value (no filter: everything) or it was matched literally (nothing).
        if (Object.keys(filters).length > 0) expect(page.rows).toEqual([]);
        await transactionTotals(admin, filters);
        const csv = await readText(transactionsCsvStream(admin, filters));
        expect(csv).not.toContain("argon2");
      }
      expect(await searchPlayers(admin, evil)).toEqual([]);
      expect(await findRounds(admin, evil)).toEqual([]);
      expect(await loadRound(admin, s.player.id, evil)).toBeNull();
      for (const key of ["method", "code", "player", "round", "transaction", "from", "to"]) {
        const { filters } = parseCallbackFilters({ [key]: evil });
        const res = await listCallbacks(admin, filters);
        if (Object.keys(filters).length > 0) expect(res.rows).toEqual([]);
      }
    }
    await callbackHealth(admin);
    expect(await ledgerCount(s.player.id)).toBe(before);
    const tables = await pool.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'ledger_entries'",
    );
    expect(tables.rows[0].n).toBe(1);
  });
});

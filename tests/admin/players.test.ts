import { beforeAll, describe, expect, it } from "vitest";
import { callbackHealth, listCallbacks } from "@/lib/admin/callbacks";
import { adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import { loadPlayer, searchPlayers } from "@/lib/admin/players";
import { loadRound } from "@/lib/admin/rounds";
import type { SessionPlayer } from "@/lib/auth/guards";
import { balanceOf, ledgerSum, liveSession, pool } from "../wallet/harness";
import { viewers } from "./helpers";

let admin: SessionPlayer;
beforeAll(async () => {
  ({ admin } = await viewers());
});

describe("block (D9) from the back office", () => {
  it("refuses the blocked player's next bet (4) but still pays the win of an open round, and records who did it", async () => {
    const s = await liveSession({ balance: "50.00" });
    expect((await s.bet("5.00", { round_id: "OPEN1", transaction_id: "b1" })).json.code).toBe(0);

    expect(await setBlockedAs(admin, s.player.id, true)).toMatchObject({ status: "ok" });
    expect((await s.bet("1.00", { round_id: "NEW1", transaction_id: "b2" })).json.code).toBe(4);
    const win = await s.win("12.00", { round_id: "OPEN1", transaction_id: "w1", is_close: true });
    expect(win.json).toMatchObject({ code: 0, balance: 57 });

    const detail = await loadPlayer(admin, s.player.id, 30);
    expect(detail?.player.blocked).toBe(true);
    expect(detail?.sessions.every((x) => x.revokedAt !== null && !x.live)).toBe(true);
    expect(detail?.audit.map((a) => [a.action, a.adminId])).toEqual([["block", admin.id]]);

    expect(await setBlockedAs(admin, s.player.id, false)).toMatchObject({ status: "ok" });
    expect((await loadPlayer(admin, s.player.id, 30))?.player.blocked).toBe(false);
  });

  it("an admin cannot block themself", async () => {
    expect(await setBlockedAs(admin, admin.id, true)).toMatchObject({ status: "error" });
  });
});

describe("balance adjustment", () => {
  it.each<[string, { amount: unknown; reason: unknown }, string, string]>([
    ["missing reason", { amount: "10", reason: "" }, "reason", "reason"],
    ["short reason", { amount: "10", reason: "x" }, "reason", "at least 3"],
    ["no amount", { amount: "", reason: "goodwill" }, "amount", "Enter an amount"],
    ["too many decimals for EUR", { amount: "1.005", reason: "goodwill" }, "amount", "EUR"],
    ["not a number", { amount: "ten", reason: "goodwill" }, "amount", "EUR"],
    ["zero", { amount: "0.00", reason: "goodwill" }, "amount", "non-zero"],
    ["below zero", { amount: "-25", reason: "chargeback" }, "amount", "below zero"],
  ])("rejects %s with a field error and moves nothing", async (_n, form, field, text) => {
    const s = await liveSession({ balance: "20.00" });
    const res = await adjustBalanceAs(admin, s.player.id, form);
    expect(res.status).toBe("error");
    expect(res.fieldErrors?.[field as "amount" | "reason"]?.[0]).toContain(text);
    expect(await balanceOf(s.player.id)).toBe("20.00000000");
  });

  it("writes a ledger adjustment carrying the admin's id and reason, and an audit row", async () => {
    const s = await liveSession({ currency: "BTC", balance: "0.5" });
    const res = await adjustBalanceAs(admin, s.player.id, { amount: " -0.12345678 ", reason: "  Duplicate deposit  " });
    expect(res).toMatchObject({ status: "ok" });
    expect(await balanceOf(s.player.id)).toBe("0.37654322");
    expect(await ledgerSum(s.player.id)).toBe("0.37654322");
    const row = await pool.query(
      `SELECT kind, amount::text, admin_id, reason FROM ledger_entries WHERE player_id = $1 ORDER BY id DESC LIMIT 1`,
      [s.player.id],
    );
    expect(row.rows[0]).toEqual({ kind: "adjustment", amount: "-0.12345678", admin_id: admin.id, reason: "Duplicate deposit" });
    const audit = (await loadPlayer(admin, s.player.id, 30))!.audit;
    expect(audit[0]).toMatchObject({
      action: "adjust_balance",
      adminId: admin.id,
      details: { amount: "-0.12345678", currency: "BTC", reason: "Duplicate deposit" },
    });
  });
});

describe("revoke sessions", () => {
  it("revokes live sessions: the next bet is refused with 14, recorded in the audit", async () => {
    const s = await liveSession({ balance: "20.00" });
    const res = await revokeSessionsAs(admin, s.player.id);
    expect(res).toMatchObject({ status: "ok", message: "1 game session(s) revoked." });
    expect((await s.bet("1.00")).json.code).toBe(14);
    expect((await loadPlayer(admin, s.player.id, 30))!.audit[0]?.action).toBe("revoke_sessions");
  });
});

describe("player search", () => {
  it("finds by id, email substring and nick", async () => {
    const s = await liveSession();
    for (const q of [String(s.player.id), s.player.email.slice(2, 10), s.player.email.toUpperCase()]) {
      expect((await searchPlayers(admin, q)).map((p) => p.id)).toContain(s.player.id);
    }
    expect(await searchPlayers(admin, "%")).toEqual([]);
  });
});

describe("round view and callback log", () => {
  it("lists a round's operations in order with every callback behind them, failed ones included", async () => {
    const s = await liveSession({ balance: "10.00" });
    await s.bet("4.00", { round_id: "RV", transaction_id: "t1" });
    await s.bet("40.00", { round_id: "RV", transaction_id: "t2" }); // insufficient funds: code 2
    await s.win("3.50", { round_id: "RV", transaction_id: "t3", is_close: true, bet_amount: "4.00" });
    await s.win("1.00", { round_id: "RV", transaction_id: "t4" }); // round closed: code 5
    const round = await loadRound(admin, s.player.id, "RV");
    expect(round).toMatchObject({ status: "closed", betTotal: "4.00000000", winTotal: "3.50000000" });
    expect(round!.operations.map((o) => [o.kind, o.amount, o.transactionId])).toEqual([
      ["bet", "-4.00000000", "t1"],
      ["win", "3.50000000", "t3"],
    ]);
    expect(round!.callbacks.map((c) => [c.method, c.transactionId, c.code])).toEqual([
      ["Credit", "t1", 0],
      ["Credit", "t2", 2],
      ["Debit", "t3", 0],
      ["Debit", "t4", 5],
    ]);
    expect(round!.callbacks[0]!.ledgerEntryId).toBe(round!.operations[0]!.ledgerId);
    expect(round!.callbacks[1]!.codeText).toBe("Insufficient funds");

    const failed = await listCallbacks(admin, { player: String(s.player.id), failed: "1" });
    expect(failed.rows.map((c) => c.code).sort()).toEqual([2, 5]);
    const byTx = await listCallbacks(admin, { transaction: "t3", player: String(s.player.id) });
    expect(byTx.rows).toHaveLength(1);
    const health = await callbackHealth(admin);
    const all = health.find((h) => h.method === "all")!;
    const direct = await pool.query<{ n: number; e: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE code <> 0)::int AS e FROM callback_logs`,
    );
    expect([all.calls, all.errors]).toEqual([direct.rows[0]!.n, direct.rows[0]!.e]);
    expect(Number(all.p99Ms)).toBeGreaterThanOrEqual(Number(all.p50Ms));
  });
});

import { describe, expect, it } from "vitest";
import { setBlocked } from "@/lib/wallet/launch";
import { balanceOf, ledgerCount, ledgerSum, liveSession, pool, post, raw, signedMoney } from "./harness";

const OK_ANSWER = /^\{"code":0,"message":"Ok","balance":[0-9.]+,"external_session_id":\d+\}$/;

describe("Credit (take a bet)", () => {
  it("code 0: balance after the bet, external_session_id is the ledger entry (D10)", async () => {
    const s = await liveSession({ balance: "100.00" });
    const a = await s.bet(raw("42.6"));
    expect(a.text).toMatch(OK_ANSWER);
    expect(a.text).toContain(`"balance":57.40`);
    const entry = await pool.query("SELECT kind, amount::text, balance_after::text FROM ledger_entries WHERE id = $1", [
      a.json.external_session_id,
    ]);
    expect(entry.rows[0]).toEqual({ kind: "bet", amount: "-42.60000000", balance_after: "57.40000000" });
  });

  it("code 2 (D8): a bet larger than the balance moves nothing and opens no round", async () => {
    const s = await liveSession({ balance: "10.00" });
    const a = await s.bet(raw("10.01"), { round_id: "77" });
    expect(a.json).toEqual({ code: 2, message: "Insufficient funds", balance: 10 });
    expect(await balanceOf(s.player.id)).toBe("10.00000000");
    const r = await pool.query("SELECT 1 FROM rounds WHERE player_id = $1", [s.player.id]);
    expect(r.rowCount).toBe(0);
    expect((await s.bet(raw("10.00"), { round_id: "77" })).json.code).toBe(0);
    expect(await balanceOf(s.player.id)).toBe("0.00000000");
  });

  it("code 4 (D9): a blocked player cannot bet", async () => {
    const s = await liveSession();
    await setBlocked(s.player.id, true);
    expect((await s.bet(raw("1"))).json).toMatchObject({ code: 4, message: "Player blocked" });
  });

  it("code 5 (D6): any operation on a closed round, except an exact repeat", async () => {
    const s = await liveSession();
    const closing = await s.bet(raw("1"), { round_id: "9", transaction_id: "t1", is_close: true });
    expect(closing.json.code).toBe(0);
    expect((await s.bet(raw("1"), { round_id: "9", transaction_id: "t2" })).json.code).toBe(5);
    expect((await s.win(raw("1"), { round_id: "9", transaction_id: "t3" })).json.code).toBe(5);
    expect((await s.bet(raw("1"), { round_id: "9", transaction_id: "t1", is_close: true })).text).toBe(closing.text);
  });

  it("code 10 (D2): wrong hash, changes nothing", async () => {
    const s = await liveSession();
    const before = await ledgerCount(s.player.id);
    const body = signedMoney("Credit", {
      player_id: s.player.id,
      round_id: 1,
      game_id: s.gameId,
      transaction_id: 1,
      token: s.token,
      amount: 5,
      is_close: false,
    });
    expect((await post("Credit", { ...body, hash: body.hash.replace(/^./, (c) => (c === "a" ? "b" : "a")) })).json).toEqual({
      code: 10,
      message: "Hash mismatch",
    });
    expect((await post("Credit", { ...body, amount: 50, hash: "" })).json.code).toBe(10);
    expect(await ledgerCount(s.player.id)).toBe(before);
  });

  it("code 11: unknown player", async () => {
    const s = await liveSession();
    const body = signedMoney("Credit", {
      player_id: 987654,
      round_id: 1,
      game_id: s.gameId,
      transaction_id: 1,
      token: s.token,
      amount: 5,
      is_close: false,
    });
    expect((await post("Credit", body)).json).toEqual({ code: 11, message: "Player not found" });
  });

  it("code 14: unknown token, another player's token, another game, unauthorized launch", async () => {
    const a = await liveSession();
    const b = await liveSession();
    const mk = (playerId: number, token: string, gameId = a.gameId) =>
      post(
        "Credit",
        signedMoney("Credit", { player_id: playerId, round_id: 1, game_id: gameId, transaction_id: 1, token, amount: 1, is_close: false }),
      );
    expect((await mk(a.player.id, "nope")).json.code).toBe(14);
    expect((await mk(a.player.id, b.token)).json.code).toBe(14); // token of another player
    expect((await mk(a.player.id, a.token, 12)).json.code).toBe(14);
    const { issueLaunch } = await import("@/lib/wallet/launch");
    const fresh = await issueLaunch({ playerId: a.player.id, gameId: a.gameId });
    expect((await mk(a.player.id, fresh.token)).json.code).toBe(14); // never authorized
    expect(await balanceOf(a.player.id)).toBe("100.00000000");
  });

  it("D4: a bet needs a live session: idle past the timeout is 14; each call renews it", async () => {
    const s = await liveSession();
    const sid = s.launch.sessionId;
    await pool.query("UPDATE game_sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1", [sid]);
    expect((await s.bet(raw("1"))).json.code).toBe(0);
    const seen = await pool.query("SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM game_sessions WHERE id = $1", [sid]);
    expect(seen.rows[0].fresh).toBe(true);
    await pool.query("UPDATE game_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1", [sid]);
    expect((await s.bet(raw("1"))).json.code).toBe(14);
  });
});

describe("Debit (pay a win)", () => {
  it("code 0: pays the win into the round and closes it with is_close (D6)", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet(raw("10"), { round_id: "5" });
    const w = await s.win(raw("25.5"), { round_id: "5", is_close: true, bet_amount: raw("10") });
    expect(w.text).toMatch(OK_ANSWER);
    expect(w.json.balance).toBe(115.5);
    const r = await pool.query("SELECT status, bet_total::text, win_total::text FROM rounds WHERE player_id = $1 AND round_id = '5'", [
      s.player.id,
    ]);
    expect(r.rows[0]).toEqual({ status: "closed", bet_total: "10.00000000", win_total: "25.50000000" });
  });

  it("code 8 (D6): a win for an unknown round", async () => {
    const s = await liveSession();
    expect((await s.win(raw("5"), { round_id: "404" })).json).toMatchObject({ code: 8, message: "Round not found" });
  });

  it("D6: a Debit of 0 with is_close closes a losing round; more bets may join an open round", async () => {
    const s = await liveSession({ balance: "100.00" });
    expect((await s.bet(raw("1"), { round_id: "6" })).json.code).toBe(0);
    expect((await s.bet(raw("2"), { round_id: "6" })).json.code).toBe(0);
    const close = await s.win(raw("0"), { round_id: "6", is_close: true });
    expect(close.json).toMatchObject({ code: 0, balance: 97 });
    expect((await s.bet(raw("1"), { round_id: "6" })).json.code).toBe(5);
  });

  it("multi-win round: several Debits in one round, the last closes it", async () => {
    const s = await liveSession({ balance: "10.00" });
    await s.bet(raw("1"), { round_id: "bonus" });
    for (const amt of ["0.5", "1.25", "3"]) expect((await s.win(raw(amt), { round_id: "bonus" })).json.code).toBe(0);
    expect((await s.win(raw("0.25"), { round_id: "bonus", is_close: true })).json.balance).toBe(14);
  });

  it("D4: a win for a round the session opened is paid even after the session went idle", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet(raw("10"), { round_id: "late" });
    await pool.query("UPDATE game_sessions SET last_seen_at = now() - interval '3 hours' WHERE id = $1", [s.launch.sessionId]);
    expect((await s.win(raw("30"), { round_id: "late", is_close: true })).json).toMatchObject({ code: 0, balance: 120 });
    // and the late win did not revive the session for bets
    expect((await s.bet(raw("1"), { round_id: "next" })).json.code).toBe(14);
  });

  it("D9: a blocked player's win of an already open round is still paid", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet(raw("10"), { round_id: "open" });
    await setBlocked(s.player.id, true);
    expect((await s.bet(raw("1"), { round_id: "open" })).json.code).toBe(4);
    expect((await s.win(raw("15"), { round_id: "open", is_close: true })).json).toMatchObject({ code: 0, balance: 105 });
  });

  it("code 14: a win with another player's token", async () => {
    const a = await liveSession();
    const b = await liveSession();
    await a.bet(raw("1"), { round_id: "r" });
    const body = signedMoney("Debit", {
      player_id: a.player.id,
      round_id: "r",
      game_id: a.gameId,
      transaction_id: "w",
      token: b.token,
      amount: 1,
      is_close: true,
    });
    expect((await post("Debit", body)).json.code).toBe(14);
  });

  it("code 10 and 11 on Debit", async () => {
    const s = await liveSession();
    const body = signedMoney("Debit", {
      player_id: s.player.id,
      round_id: "r",
      game_id: s.gameId,
      transaction_id: "w",
      token: s.token,
      amount: 1,
      is_close: true,
    });
    expect((await post("Debit", { ...body, hash: "f".repeat(32) })).json.code).toBe(10);
    const ghost = signedMoney("Debit", {
      player_id: 2147483000,
      round_id: "r",
      game_id: s.gameId,
      transaction_id: "w",
      token: s.token,
      amount: 1,
      is_close: true,
    });
    expect((await post("Debit", ghost)).json.code).toBe(11);
  });
});

describe("D5 idempotency", () => {
  it("a repeat of a successful Credit returns byte-identical JSON and moves no money", async () => {
    const s = await liveSession({ balance: "100.00" });
    const first = await s.bet(raw("10"), { round_id: "1", transaction_id: "abc" });
    await s.bet(raw("5"), { round_id: "2" }); // balance moves on in between
    const again = await s.bet(raw("10"), { round_id: "1", transaction_id: "abc" });
    expect(again.text).toBe(first.text);
    expect(await balanceOf(s.player.id)).toBe("85.00000000");
  });

  it("a repeat of a successful Debit returns byte-identical JSON and pays once", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet(raw("10"), { round_id: "1" });
    const first = await s.win(raw("20"), { round_id: "1", transaction_id: "w1", is_close: true });
    const again = await s.win(raw("20"), { round_id: "1", transaction_id: "w1", is_close: true });
    expect(again.text).toBe(first.text);
    expect(await balanceOf(s.player.id)).toBe("110.00000000");
  });

  it.each([
    ["EUR", "100.00", "12.3"],
    ["JPY", "1000", "15"],
    ["BTC", "0.5", "0.00000001"],
  ])("%s: the answer, its D5 repeat and the ledger's stored copy of the answer are the same bytes", async (currency, balance, amount) => {
    const s = await liveSession({ currency, balance });
    const first = await s.bet(raw(amount), { round_id: "1", transaction_id: "b1" });
    const win = await s.win(raw(amount), { round_id: "1", transaction_id: "w1", is_close: true });
    for (const [answer, transactionId] of [
      [first, "b1"],
      [win, "w1"],
    ] as const) {
      const repeat =
        transactionId === "b1"
          ? await s.bet(raw(amount), { round_id: "1", transaction_id: "b1" })
          : await s.win(raw(amount), { round_id: "1", transaction_id: "w1", is_close: true });
      const stored = await pool.query<{ response: string }>(
        "SELECT response FROM ledger_entries WHERE player_id = $1 AND transaction_id = $2",
        [s.player.id, transactionId],
      );
      expect(Buffer.from(repeat.text)).toEqual(Buffer.from(answer.text));
      expect(Buffer.from(answer.text)).toEqual(Buffer.from(stored.rows[0]!.response));
    }
  });

  it.each([
    ["amount differs", "Credit", "11", 11],
    ["game differs", "Credit", "10", 12],
    ["method differs", "Debit", "10", 11],
  ] as const)("a repeat whose %s is code 1 'transaction mismatch' and moves no money", async (_n, method, amount, gameId) => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet(raw("10"), { round_id: "1", transaction_id: "x" });
    const body = signedMoney(method, {
      player_id: s.player.id,
      round_id: "1",
      game_id: gameId,
      transaction_id: "x",
      token: s.token,
      amount: raw(amount),
      is_close: false,
    });
    expect((await post(method, body)).json).toMatchObject({ code: 1, message: "transaction mismatch" });
    expect(await balanceOf(s.player.id)).toBe("90.00000000");
    expect(await ledgerCount(s.player.id)).toBe(2); // opening balance + the one bet
  });

  it("a failed request is not remembered: after a top-up the same transaction succeeds", async () => {
    const s = await liveSession({ balance: "5.00" });
    expect((await s.bet(raw("10"), { round_id: "1", transaction_id: "t" })).json.code).toBe(2);
    const { adjustBalance } = await import("@/lib/wallet/adjust");
    await adjustBalance({ playerId: s.player.id, amount: "10", reason: "test top-up", adminId: null });
    expect((await s.bet(raw("10"), { round_id: "1", transaction_id: "t" })).json).toMatchObject({ code: 0, balance: 5 });
  });

  it("the key is (player, round, transaction): the same transaction_id in another round is a new operation", async () => {
    const s = await liveSession({ balance: "100.00" });
    expect((await s.bet(raw("1"), { round_id: "1", transaction_id: "same" })).json.code).toBe(0);
    expect((await s.bet(raw("1"), { round_id: "2", transaction_id: "same" })).json.code).toBe(0);
    expect(await balanceOf(s.player.id)).toBe("98.00000000");
  });
});

describe("D7 exact money", () => {
  it("0.1 + 0.2 is exactly 0.3", async () => {
    const s = await liveSession({ balance: "1.00" });
    await s.bet(raw("0.1"), { round_id: "1" });
    const a = await s.bet(raw("0.2"), { round_id: "1" });
    expect(a.text).toContain(`"balance":0.70`);
    expect(await balanceOf(s.player.id)).toBe("0.70000000");
  });

  it("0.00000001 BTC, answered with 8 decimals", async () => {
    const s = await liveSession({ currency: "BTC", balance: "0.50000000" });
    const a = await s.bet(raw("0.00000001"));
    expect(a.text).toContain(`"balance":0.49999999`);
  });

  it("a balance of 9007199254740993.01 stays exact (beyond float precision)", async () => {
    const s = await liveSession({ balance: "9007199254740993.01" });
    expect(s.auth.text).toContain(`"balance":9007199254740993.01`);
    const a = await s.bet(raw("0.01"));
    expect(a.text).toContain(`"balance":9007199254740993.00`);
    const w = await s.win(raw("0.02"), { round_id: "x" });
    expect(w.json.code).toBe(8);
  });

  it("amount 0 is a valid bet (free spin)", async () => {
    const s = await liveSession({ balance: "1.00" });
    expect((await s.bet(raw("0"))).json).toMatchObject({ code: 0, balance: 1 });
  });

  it("1e3 (a JSON number in exponent form) is exactly 1000", async () => {
    const s = await liveSession({ balance: "1500.00" });
    expect((await s.bet(raw("1e3"))).text).toContain(`"balance":500.00`);
  });

  it.each([
    ["negative", raw("-1")],
    ["more decimals than EUR allows", raw("0.001")],
    ["more than 8 decimals", raw("0.000000001")],
    ["NaN as a string", "NaN"],
    ["Infinity as a string", "Infinity"],
    ["exponent as a string", "1e3"],
    ["a boolean", true],
    ["null", null],
    ["huge", raw("1e40")],
  ])("code 1 for %s, nothing moves", async (_n, amount) => {
    const s = await liveSession({ balance: "100.00" });
    const a = await s.bet(amount);
    expect(a.json.code).toBe(1);
    expect(await balanceOf(s.player.id)).toBe("100.00000000");
  });

  it("JPY allows no decimals, KWD three", async () => {
    const jpy = await liveSession({ currency: "JPY", balance: "1000" });
    expect((await jpy.bet(raw("1.5"))).json.code).toBe(1);
    expect((await jpy.bet(raw("15"))).text).toContain(`"balance":985,`);
    const kwd = await liveSession({ currency: "KWD", balance: "10.000" });
    expect((await kwd.bet(raw("0.125"))).text).toContain(`"balance":9.875,`);
  });
});

describe("D11 callback log", () => {
  it("records every callback with method, ids, code and latency; never the token or the api key", async () => {
    const s = await liveSession({ balance: "5.00" });
    await s.bet(raw("1"), { round_id: "L1", transaction_id: "T1" });
    await s.bet(raw("100"), { round_id: "L2", transaction_id: "T2" });
    await post("Credit", { garbage: true });
    const rows = await pool.query(
      "SELECT method, player_id, round_id, transaction_id, code, latency_ms, row_to_json(c)::text AS j FROM callback_logs c ORDER BY id",
    );
    const mine = rows.rows.filter((r) => r.player_id === String(s.player.id));
    expect(mine.map((r) => [r.method, r.round_id, r.transaction_id, r.code])).toEqual([
      ["Authorization", null, null, 0],
      ["Credit", "L1", "T1", 0],
      ["Credit", "L2", "T2", 2],
    ]);
    expect(rows.rows.some((r) => r.method === "Credit" && r.code === 1 && r.player_id === null)).toBe(true);
    for (const r of rows.rows) {
      expect(r.latency_ms).toBeGreaterThanOrEqual(0);
      expect(r.j).not.toContain(s.token);
      expect(r.j).not.toContain("test-secret");
    }
  });
});

describe("ledger invariants", () => {
  it("balance equals the sum of the ledger and the ledger is append-only", async () => {
    const s = await liveSession({ balance: "50.00" });
    await s.bet(raw("7.77"), { round_id: "1" });
    await s.win(raw("1.23"), { round_id: "1", is_close: true });
    expect(await ledgerSum(s.player.id)).toBe(await balanceOf(s.player.id));
    await expect(pool.query("UPDATE ledger_entries SET amount = 0 WHERE player_id = $1", [s.player.id])).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM ledger_entries WHERE player_id = $1", [s.player.id])).rejects.toThrow(/append-only/);
    await expect(pool.query("UPDATE wallets SET balance = -1 WHERE player_id = $1", [s.player.id])).rejects.toThrow(
      /wallets_balance_check/,
    );
  });
});

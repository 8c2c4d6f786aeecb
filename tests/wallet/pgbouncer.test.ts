import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startPgBouncer } from "../../scripts/lib/pgbouncer";

// The wallet behind a real PgBouncer (Debian's, 1.18 here) in transaction mode with its default
// settings, in front of this file's PostgreSQL database. Everything the app does in this file
// (Prisma, the wallet's function call, the refusal log) goes through it: lib/env reads the
// PgBouncer URL. PgBouncer refuses startup parameters such as statement_timeout and hands each
// transaction whatever server connection is free, so nothing may rely on session state.
const direct = process.env.DATABASE_URL!;
const bouncer = await startPgBouncer(direct);
process.env.DATABASE_URL = bouncer.url;
const { balanceOf, ledgerCount, ledgerSum, liveSession, pool, post, raw, signedMoney } = await import("./harness");
const { env } = await import("@/lib/env");

afterAll(async () => {
  await pool.end();
  await bouncer.stop();
});

describe("the wallet through PgBouncer in transaction mode", () => {
  it("the app's connections really go through PgBouncer", async () => {
    expect(env.DATABASE_URL).toBe(bouncer.url);
    const viaBouncer = await pool.query<{ port: number }>("SELECT inet_server_port() AS port");
    // PgBouncer's server connection reaches PostgreSQL's own port, not PgBouncer's.
    expect(viaBouncer.rows[0]!.port).toBe(Number(new URL(direct).port));
    expect(new URL(bouncer.url).port).not.toBe(new URL(direct).port);
  });

  it("authorize, bet and win answer code 0 and move the money", async () => {
    const s = await liveSession({ balance: "100.00" });
    expect(s.auth.json).toMatchObject({ code: 0, balance: 100 });
    const bet = await s.bet(raw("10.00"), { round_id: "pb1", transaction_id: "b1" });
    expect(bet.json).toMatchObject({ code: 0, balance: 90 });
    const win = await s.win(raw("25.50"), { round_id: "pb1", transaction_id: "w1", is_close: true });
    expect(win.json).toMatchObject({ code: 0, balance: 115.5 });
    // An exact repeat replays the answer; a refused call (unknown round) is answered and recorded.
    expect((await s.bet(raw("10.00"), { round_id: "pb1", transaction_id: "b1" })).text).toBe(bet.text);
    expect((await s.win(raw("1"), { round_id: "nope", transaction_id: "w2" })).json.code).toBe(8);
    expect(await balanceOf(s.player.id)).toBe("115.50000000");
    const logged = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM callback_logs WHERE player_id = $1", [
      String(s.player.id),
    ]);
    expect(logged.rows[0]!.n).toBe(5);
  });

  it("40 concurrent identical Credits charge once and are all answered identically (D5)", async () => {
    const s = await liveSession({ balance: "100.00" });
    const body = signedMoney("Credit", {
      player_id: s.player.id,
      round_id: "dup",
      game_id: s.gameId,
      transaction_id: "dup",
      token: s.token,
      amount: raw("10"),
      is_close: false,
    });
    const answers = await Promise.all(Array.from({ length: 40 }, () => post("Credit", body)));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.json).toMatchObject({ code: 0, balance: 90 });
    expect(await balanceOf(s.player.id)).toBe("90.00000000");
    expect(await ledgerCount(s.player.id)).toBe(2); // the opening adjustment and one bet
  });

  it("the overdraft race: 60 concurrent distinct bets of 10.00 on 100.00, exactly 10 succeed (D8)", async () => {
    const s = await liveSession({ balance: "100.00" });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => s.bet(raw("10.00"), { round_id: `o${i}`, transaction_id: `t${i}` })),
    );
    const codes = answers.map((a) => a.json.code);
    expect(codes.filter((c) => c === 0)).toHaveLength(10);
    expect(codes.filter((c) => c === 2)).toHaveLength(50);
    expect(await balanceOf(s.player.id)).toBe("0.00000000");
    expect(await ledgerSum(s.player.id)).toBe("0.00000000");
  });

  it("a held wallet lock times out inside the callback's own transaction (code 1 within the budget), and the timeouts do not outlive it", async () => {
    const s = await liveSession({ balance: "100.00" });
    // Another session holds the player's wallet row (directly on PostgreSQL, not through PgBouncer).
    const holder = new pg.Client({ connectionString: direct });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM wallets WHERE player_id = $1 FOR UPDATE", [s.player.id]);
      const started = performance.now();
      const blocked = await s.bet(raw("1"), { round_id: "lk", transaction_id: "lk" });
      const ms = performance.now() - started;
      expect(blocked.json).toEqual({ code: 1, message: "Internal error" });
      expect(ms).toBeGreaterThan(1500); // waited for the lock (lock_timeout 2 s) ...
      expect(ms).toBeLessThan(4500); // ... and gave up well inside the provider's 5 s
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    // The same call now succeeds, and no server connection kept the wallet's timeouts.
    expect((await s.bet(raw("1"), { round_id: "lk", transaction_id: "lk" })).json.code).toBe(0);
    const settings = await Promise.all(
      Array.from({ length: 8 }, () =>
        pool.query<{ st: string; lt: string }>("SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt"),
      ),
    );
    for (const r of settings) expect(r.rows[0]).toEqual({ st: "0", lt: "0" });
  });
});

import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

process.env.CALLBACK_STDOUT_LOG = "true";
// The app's own logger (lib/log.ts, same configuration), writing into this array instead of
// stdout: installed as the process's logger before the app's modules load.
const logged: string[] = [];
const { createLogger } = await import("@/lib/log-setup");
(globalThis as { webgamesLogger?: unknown }).webgamesLogger = createLogger(
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logged.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  }),
);
const { liveSession, pool, post, postRaw, raw, signedMoney, KEY } = await import("../wallet/harness");

/**
 * The api_key and raw tokens never appear in logs (issue: security): not in the app's log lines
 * (every callback is logged with CALLBACK_STDOUT_LOG) nor anything printed to the console, not in
 * the callback log table, not anywhere in the database. tests/faults/ops.test.ts does the same
 * for a real production server's output.
 */
describe("secrets never reach logs or the database", () => {
  const lines: string[] = [];
  const spies: ReturnType<typeof vi.spyOn>[] = [];
  beforeAll(() => {
    for (const m of ["log", "info", "warn", "error"] as const) {
      spies.push(vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))));
    }
  });
  afterAll(() => {
    for (const s of spies) s.mockRestore();
  });

  it("through successes, refusals, malformed input and a database failure", async () => {
    const s = await liveSession({ balance: "10.00" });
    await s.bet(raw("1"), { round_id: "1" });
    await s.bet(raw("100"), { round_id: "2" });
    await s.win(raw("1"), { round_id: "404" });
    await post("Credit", {
      ...signedMoney("Credit", { player_id: s.player.id, round_id: 3, game_id: s.gameId, transaction_id: 3, token: s.token, amount: 1 }),
      hash: "0".repeat(32),
    });
    await postRaw("Debit", `{"token":"${s.token}", broken`);
    // A database failure: a statement that cannot run (the wallet function is temporarily renamed).
    await pool.query("ALTER FUNCTION wallet_callback RENAME TO wallet_callback_away");
    try {
      const failed = await s.bet(raw("1"), { round_id: "5" });
      expect(failed.json).toEqual({ code: 1, message: "Internal error" });
    } finally {
      await pool.query("ALTER FUNCTION wallet_callback_away RENAME TO wallet_callback");
    }
    lines.push(...logged);
    expect(lines.filter((l) => l.includes('"msg":"callback"')).length).toBeGreaterThanOrEqual(6);
    expect(lines.some((l) => l.includes("callback failed"))).toBe(true);
    for (const l of lines) {
      expect(l).not.toContain(s.token);
      expect(l).not.toContain(KEY());
    }
    const dump = await pool.query(`SELECT string_agg(t, '|') AS all FROM (
      SELECT row_to_json(c)::text AS t FROM callback_logs c
      UNION ALL SELECT row_to_json(l)::text FROM ledger_entries l
      UNION ALL SELECT row_to_json(g)::text FROM game_sessions g
      UNION ALL SELECT row_to_json(r)::text FROM rounds r) x`);
    expect(dump.rows[0].all).not.toContain(s.token);
    expect(dump.rows[0].all).not.toContain(KEY());
  });
});

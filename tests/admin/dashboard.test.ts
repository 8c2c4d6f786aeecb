import { beforeAll, describe, expect, it } from "vitest";
import { activePlayers, biggestWins, ggrByDay, ggrByGame, stuckRounds } from "@/lib/admin/dashboard";
import type { SessionPlayer } from "@/lib/auth/guards";
import { liveSession, pool } from "../wallet/harness";
import { viewers } from "./helpers";

let admin: SessionPlayer;
let eur: Awaited<ReturnType<typeof liveSession>>;

beforeAll(async () => {
  ({ admin } = await viewers());
  eur = await liveSession({ balance: "100.00", gameId: 11 });
  const usd = await liveSession({ currency: "USD", balance: "100.00", gameId: 12 });
  await eur.bet("0.10", { round_id: "d1" });
  await eur.win("0.30", { round_id: "d1", is_close: true });
  await eur.bet("0.20", { round_id: "d2" });
  await eur.win("0", { round_id: "d2", is_close: true });
  await eur.bet("5.55", { round_id: "stuck" });
  await usd.bet("9.99", { round_id: "u1" });
  await usd.win("20.01", { round_id: "u1", is_close: true });
  // The provider never closed this one: pretend it opened two hours ago.
  await pool.query(`UPDATE rounds SET opened_at = now() - interval '2 hours' WHERE player_id = $1 AND round_id = 'stuck'`, [eur.player.id]);
});

describe("dashboard", () => {
  it("GGR per day and per game is exact and never mixes currencies", async () => {
    const days = await ggrByDay(admin);
    const today = new Date().toISOString().slice(0, 10);
    const byCur = Object.fromEntries(days.filter((d) => d.day === today).map((d) => [d.currency, d]));
    expect(byCur.EUR).toMatchObject({ bets: "5.85", wins: "0.30", ggr: "5.55" });
    expect(byCur.USD).toMatchObject({ bets: "9.99", wins: "20.01", ggr: "-10.02" });
    const games = await ggrByGame(admin);
    expect(games.find((g) => g.gameId === 11 && g.currency === "EUR")).toMatchObject({ rounds: 3, ggr: "5.55" });
    expect(games.find((g) => g.gameId === 12 && g.currency === "USD")).toMatchObject({ rounds: 1, ggr: "-10.02" });
  });

  it("finds rounds left open for more than an hour", async () => {
    const stuck = await stuckRounds(admin);
    expect(stuck.count).toBe(1);
    expect(stuck.oldest[0]).toMatchObject({ playerId: eur.player.id, roundId: "stuck", betTotal: "5.55000000" });
  });

  it("ranks biggest wins within each currency and counts active players", async () => {
    const wins = await biggestWins(admin);
    expect(wins.map((w) => [w.currency, w.amount])).toEqual([
      ["EUR", "0.30000000"],
      ["USD", "20.01000000"],
    ]);
    expect(await activePlayers(admin)).toEqual({ d1: 2, d7: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { endGameSession, playSessionFacts, previousPlaySession } from "@/lib/rg/play-session";
import { issueLaunch } from "@/lib/wallet/launch";
import { liveSession, pool, raw } from "../wallet/harness";

/** Play sessions: what the session-time limit, the play bar and the reality check count from. */
const startOf = async (sessionId: string) =>
  (await pool.query<{ s: Date }>("SELECT play_started_at AS s FROM game_sessions WHERE id = $1", [sessionId])).rows[0]!.s;

describe("play sessions", () => {
  it("stopping and relaunching within the idle timeout continues the play session; after a real break a new one starts", async () => {
    const s = await liveSession();
    const first = await startOf(s.launch.sessionId);
    expect(await endGameSession(s.player.id, s.launch.sessionId)).toBe(true);
    const again = await issueLaunch({ playerId: s.player.id, gameId: s.gameId });
    expect(await startOf(again.sessionId)).toEqual(first);

    // 31 minutes without play (the idle timeout is 30): the next launch starts a new play session.
    await pool.query(
      `UPDATE game_sessions SET issued_at = issued_at - interval '31 minutes', last_seen_at = last_seen_at - interval '31 minutes',
              play_started_at = play_started_at - interval '31 minutes', consumed_at = consumed_at - interval '31 minutes' WHERE player_id = $1`,
      [s.player.id],
    );
    const shifted = await startOf(again.sessionId);
    const later = await issueLaunch({ playerId: s.player.id, gameId: s.gameId });
    expect((await startOf(later.sessionId)).getTime()).toBeGreaterThan(shifted.getTime() + 30 * 60_000);
  });

  it("the play bar's facts: start, net result of bets and wins since then, the player's interval; ended once stopped", async () => {
    const s = await liveSession({ currency: "EUR", balance: "100.00" });
    await s.bet(raw("10.00"), { round_id: "a" });
    await s.win(raw("2.50"), { round_id: "a", is_close: true });
    await pool.query("UPDATE players SET reality_check_seconds = 900 WHERE id = $1", [s.player.id]);
    const facts = await playSessionFacts(s.player.id, s.launch.sessionId);
    expect(facts).toMatchObject({ net: "-7.50000000", currency: "EUR", realityCheckSeconds: 900, live: true });
    const other = await liveSession();
    expect(await playSessionFacts(other.player.id, s.launch.sessionId)).toBeNull(); // not theirs
    expect(await endGameSession(other.player.id, s.launch.sessionId)).toBe(false);
    await endGameSession(s.player.id, s.launch.sessionId);
    expect(await playSessionFacts(s.player.id, s.launch.sessionId)).toMatchObject({ live: false });
    // Stopped: wins of open rounds are still paid, bets are not taken.
    expect((await s.bet(raw("1.00"), { round_id: "b" })).json.code).toBe(14);
  });

  it("the previous play session is the latest one that is over", async () => {
    const s = await liveSession();
    expect(await previousPlaySession(s.player.id)).toBeNull(); // the only one is still going on
    await endGameSession(s.player.id, s.launch.sessionId);
    const prev = await previousPlaySession(s.player.id);
    expect(prev?.startedAt).toEqual(await startOf(s.launch.sessionId));
  });
});

import { describe, expect, it } from "vitest";
import { activeExclusion, exclude } from "@/lib/rg/exclusions";
import { setLimit } from "@/lib/rg/limits";
import { launchRefusal } from "@/lib/rg/play-session";
import { issueLaunch } from "@/lib/wallet/launch";
import { balanceOf, liveSession, makePlayer, pool, post, raw, signedAuthorization } from "../wallet/harness";

/** D12: a time-out or self-exclusion refuses launch, Authorization (4) and Credit (4), but Debit still pays. */
const player = { staffId: null };

describe("time-out and self-exclusion (D12)", () => {
  for (const [kind, durationId, message] of [
    ["timeout", "1d", "Player in time-out"],
    ["self_exclusion", "6m", "Player self-excluded"],
  ] as const) {
    it(`${kind}: ends live sessions, refuses launch, Authorization and Credit (4), pays the win of an open round`, async () => {
      const s = await liveSession({ currency: "EUR", balance: "100.00" });
      expect((await s.bet(raw("10.00"), { round_id: "open" })).json.code).toBe(0);
      const pendingLaunch = await issueLaunch({ playerId: s.player.id, gameId: s.gameId });

      const res = await exclude({ playerId: s.player.id, kind, durationId, actor: player });
      expect(res).toMatchObject({ ok: true, revokedSessions: 2 });

      expect(await launchRefusal(s.player.id)).toMatchObject({ reason: kind });
      await expect(issueLaunch({ playerId: s.player.id, gameId: s.gameId })).rejects.toMatchObject({
        code: 4,
        message: expect.stringMatching(kind === "timeout" ? /taking a break .* until / : /excluded yourself .* until /),
      });
      const auth = await post(
        "Authorization",
        signedAuthorization({ player_id: s.player.id, game_id: s.gameId, token: pendingLaunch.token }),
      );
      expect(auth.json).toMatchObject({ code: 4, message });
      expect((await s.bet(raw("1.00"), { round_id: "new" })).json).toMatchObject({ code: 4, message, balance: 90 });
      expect((await s.bet(raw("1.00"), { round_id: "open" })).json).toMatchObject({ code: 4, message });

      const win = await s.win(raw("25.00"), { round_id: "open", is_close: true });
      expect(win.json).toMatchObject({ code: 0, balance: 115 });
      expect(await balanceOf(s.player.id)).toBe("115.00000000");
    });
  }

  it("cannot be shortened: a shorter time-out during a self-exclusion changes nothing; a longer one extends", async () => {
    const p = await makePlayer();
    const first = await exclude({ playerId: p.id, kind: "self_exclusion", durationId: "6m", actor: player });
    if (!first.ok) throw new Error(first.message);
    const shorter = await exclude({ playerId: p.id, kind: "timeout", durationId: "1d", actor: player });
    expect(shorter).toMatchObject({ ok: true, exclusion: { kind: "self_exclusion", until: first.exclusion.until } });
    const longer = await exclude({ playerId: p.id, kind: "self_exclusion", durationId: "5y", actor: player });
    if (!longer.ok) throw new Error(longer.message);
    expect(longer.exclusion.until.getTime()).toBeGreaterThan(first.exclusion.until.getTime());
    expect(await activeExclusion(p.id)).toEqual(longer.exclusion);
    expect(await exclude({ playerId: p.id, kind: "timeout", durationId: "2h", actor: player })).toMatchObject({ ok: false });
  });

  it("lengths are those offered (6 weeks = 42 days, 5 years) and an ended time-out lets the player play again", async () => {
    const p = await makePlayer();
    const t = new Date("2026-01-10T12:00:00Z");
    const r = await exclude({ playerId: p.id, kind: "timeout", durationId: "6w", actor: player, now: t });
    expect(r).toMatchObject({ ok: true, exclusion: { until: new Date("2026-02-21T12:00:00Z") } });
    expect(await activeExclusion(p.id)).toBeNull(); // 2026-02-21 is in the past of the database clock
    expect(await launchRefusal(p.id)).toBeNull();
    const s = await liveSession();
    const ex = await exclude({ playerId: s.player.id, kind: "self_exclusion", durationId: "5y", actor: player, now: t });
    expect(ex).toMatchObject({ ok: true, exclusion: { until: new Date("2031-01-10T12:00:00Z") } });
  });
});

describe("session-time limit (D12)", () => {
  it("a play session inside its limit bets; past it, Credit and Authorization are 4 and launch is refused; wins are paid", async () => {
    const s = await liveSession({ currency: "CLP", balance: "100000" });
    await setLimit({ playerId: s.player.id, kind: "session", period: "session", value: "60", actor: player });
    const setStart = (sql: string) => pool.query(`UPDATE game_sessions SET play_started_at = ${sql} WHERE player_id = $1`, [s.player.id]);

    await setStart("now() - interval '59 minutes 55 seconds'");
    expect((await s.bet(raw("500"), { round_id: "in" })).json.code).toBe(0);
    expect(await launchRefusal(s.player.id)).toBeNull();
    // A launch now continues the same play session (its clock keeps running).
    const next = await issueLaunch({ playerId: s.player.id, gameId: s.gameId });
    const started = await pool.query("SELECT DISTINCT play_started_at FROM game_sessions WHERE player_id = $1", [s.player.id]);
    expect(started.rows).toHaveLength(1);

    await setStart("now() - interval '60 minutes 1 second'");
    expect((await s.bet(raw("500"), { round_id: "late" })).json).toMatchObject({ code: 4, message: "Session time limit reached" });
    expect((await s.win(raw("700"), { round_id: "in", is_close: true })).json.code).toBe(0);
    expect(await launchRefusal(s.player.id)).toMatchObject({ reason: "session_limit", minutes: 60 });
    await expect(issueLaunch({ playerId: s.player.id, gameId: s.gameId })).rejects.toMatchObject({
      code: 4,
      message: expect.stringContaining("session time limit of 60 minutes"),
    });
    const auth = await post("Authorization", signedAuthorization({ player_id: s.player.id, game_id: s.gameId, token: next.token }));
    expect(auth.json).toMatchObject({ code: 4, message: "Session time limit reached" });
  });
});

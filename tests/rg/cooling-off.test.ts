import { describe, expect, it } from "vitest";
import { playerLimits, setLimit } from "@/lib/rg/limits";
import { liveSession, makePlayer, pool, raw } from "../wallet/harness";

/**
 * Setting or lowering a limit applies at once; raising or removing one only after the cooling-off
 * (RG_COOLING_OFF_HOURS, 24 by default). No sleeps: the limit writes take an injected clock, and the
 * wallet compares the pending change's time with the database clock.
 */
const player = { staffId: null };
const HOUR = 3_600_000;
const limitOf = async (playerId: number, id: string, now?: Date) =>
  (await playerLimits(playerId, { now })).limits.find((l) => l.id === id)!;

describe("cooling-off of raised and removed limits", () => {
  it("a raise waits 24 hours (the default cooling-off), then applies by itself", async () => {
    const p = await makePlayer({ currency: "EUR" });
    const t0 = new Date(Date.now() - 10 * HOUR);
    await setLimit({ playerId: p.id, kind: "loss", period: "day", value: "50.00", actor: player, now: t0 });
    const raised = await setLimit({ playerId: p.id, kind: "loss", period: "day", value: "80.00", actor: player, now: t0 });
    expect(raised).toEqual({ status: "pending", value: "80.00", from: new Date(t0.getTime() + 24 * HOUR) });

    const justBefore = new Date(t0.getTime() + 24 * HOUR - 1);
    expect(await limitOf(p.id, "loss_day", justBefore)).toMatchObject({
      value: "50.00",
      pending: { value: "80.00", from: new Date(t0.getTime() + 24 * HOUR) },
    });
    expect(await limitOf(p.id, "loss_day", new Date(t0.getTime() + 24 * HOUR))).toMatchObject({ value: "80.00", pending: null });
  });

  it("the wallet keeps the old limit during the cooling-off and the new one after it", async () => {
    const during = await liveSession({ currency: "EUR", balance: "500.00" });
    await setLimit({ playerId: during.player.id, kind: "wager", period: "day", value: "50.00", actor: player });
    await setLimit({ playerId: during.player.id, kind: "wager", period: "day", value: "100.00", actor: player });
    expect((await during.bet(raw("50.01"))).json).toMatchObject({ code: 2, message: "Daily wager limit reached" });

    const after = await liveSession({ currency: "EUR", balance: "500.00" });
    const t0 = new Date(Date.now() - 25 * HOUR); // the raise was asked for 25 hours ago
    await setLimit({ playerId: after.player.id, kind: "wager", period: "day", value: "50.00", actor: player, now: t0 });
    await setLimit({ playerId: after.player.id, kind: "wager", period: "day", value: "100.00", actor: player, now: t0 });
    expect((await after.bet(raw("100.00"))).json.code).toBe(0);
    expect((await after.bet(raw("0.01"))).json).toMatchObject({ code: 2, message: "Daily wager limit reached" });
  });

  it("a removal waits too; until then the limit holds", async () => {
    const s = await liveSession({ currency: "JPY", balance: "100000" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "week", value: "1000", actor: player });
    const removal = await setLimit({ playerId: s.player.id, kind: "loss", period: "week", value: null, actor: player });
    expect(removal).toMatchObject({ status: "pending", value: null });
    expect((await s.bet(raw("1001"))).json).toMatchObject({ code: 2, message: "Weekly loss limit reached" });
    // Once the cooling-off is over the limit is gone (moved into the past rather than waiting).
    await pool.query(`UPDATE rg_limits SET pending_from = now() - interval '1 second' WHERE player_id = $1`, [s.player.id]);
    expect((await s.bet(raw("1001"))).json.code).toBe(0);
    expect(await limitOf(s.player.id, "loss_week")).toMatchObject({ value: null, pending: null });
  });

  it("lowering applies at once and cancels a pending raise", async () => {
    const s = await liveSession({ currency: "BTC", balance: "1.00000000" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "0.01000000", actor: player });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "0.50000000", actor: player });
    const lowered = await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "0.00500000", actor: player });
    expect(lowered).toEqual({ status: "applied", value: "0.00500000" });
    expect(await limitOf(s.player.id, "loss_day")).toMatchObject({ value: "0.00500000", pending: null });
    expect((await s.bet(raw("0.00500001"))).json).toMatchObject({ code: 2, message: "Daily loss limit reached" });
    expect((await s.bet(raw("0.00500000"))).json.code).toBe(0);
  });

  it("a new limit applies at once; the cooling-off length comes from the setting", async () => {
    const p = await makePlayer({ currency: "EUR" });
    expect(await setLimit({ playerId: p.id, kind: "session", period: "session", value: "60", actor: player })).toEqual({
      status: "applied",
      value: "60",
    });
    const t = new Date("2030-01-01T00:00:00Z");
    const r = await setLimit({
      playerId: p.id,
      kind: "session",
      period: "session",
      value: "90",
      actor: player,
      now: t,
      coolingOffHours: 48,
    });
    expect(r).toEqual({ status: "pending", value: "90", from: new Date("2030-01-03T00:00:00Z") });
  });

  it("staff may set or lower a limit (at once, with a reason in the history) but never raise or remove one", async () => {
    const p = await makePlayer({ currency: "EUR" });
    const admin = await makePlayer({ currency: "EUR" });
    const staff = { staffId: admin.id, reason: "Affordability check" };
    expect(await setLimit({ playerId: p.id, kind: "deposit", period: "month", value: "500.00", actor: staff })).toMatchObject({
      status: "applied",
    });
    expect(await setLimit({ playerId: p.id, kind: "deposit", period: "month", value: "400.00", actor: staff })).toMatchObject({
      status: "applied",
    });
    for (const value of ["400.01", null]) {
      expect(await setLimit({ playerId: p.id, kind: "deposit", period: "month", value, actor: staff })).toMatchObject({
        status: "refused",
      });
    }
    expect(await limitOf(p.id, "deposit_month")).toMatchObject({ value: "400.00", pending: null });
    const history = await pool.query(
      "SELECT actor_id, action, old_value::text, new_value::text, reason FROM rg_events WHERE player_id = $1 ORDER BY id",
      [p.id],
    );
    expect(history.rows).toEqual([
      { actor_id: admin.id, action: "limit_set", old_value: null, new_value: "500.00000000", reason: "Affordability check" },
      { actor_id: admin.id, action: "limit_lowered", old_value: "500.00000000", new_value: "400.00000000", reason: "Affordability check" },
    ]);
  });
});

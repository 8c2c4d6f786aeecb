import { describe, expect, it } from "vitest";
import { AdminAccessError } from "@/lib/admin/permissions";
import { loadPlayerRg, staffExcludeAs, staffSetLimitAs } from "@/lib/admin/rg";
import { setLimit } from "@/lib/rg/limits";
import { staffViewer, viewers } from "../admin/helpers";
import { liveSession, makePlayer, pool, raw } from "../wallet/harness";

/** Back office: staff may set a stricter limit or an exclusion, with a reason in the audit trail; never loosen. */
describe("staff and responsible gaming", () => {
  it("support sets a stricter limit with a reason; it applies at once and is in the RG history and the audit trail", async () => {
    const support = await staffViewer("support");
    const s = await liveSession({ currency: "EUR", balance: "200.00" });
    await setLimit({ playerId: s.player.id, kind: "loss", period: "day", value: "100.00", actor: { staffId: null } });
    const res = await staffSetLimitAs(support, s.player.id, { limit: "loss_day", value: "40.00", reason: "Player asked by phone" });
    expect(res).toMatchObject({ status: "ok" });
    expect((await s.bet(raw("40.01"))).json).toMatchObject({ code: 2, message: "Daily loss limit reached" });

    const audit = await pool.query("SELECT admin_id, action, details FROM admin_actions WHERE player_id = $1", [s.player.id]);
    expect(audit.rows).toEqual([
      {
        admin_id: support.id,
        action: "rg_limit_set",
        details: { limit: "loss_day", value: "40.00", currency: "EUR", reason: "Player asked by phone" },
      },
    ]);
    const rg = await loadPlayerRg(support, s.player.id);
    expect(rg.limits.find((l) => l.id === "loss_day")).toMatchObject({ value: "40.00" });
    expect(rg.history[0]).toMatchObject({ actorId: support.id, action: "limit_lowered", reason: "Player asked by phone" });
  });

  it("staff can never raise or remove a limit, and nothing is recorded for a refusal", async () => {
    const support = await staffViewer("support");
    const p = await makePlayer({ currency: "JPY" });
    await setLimit({ playerId: p.id, kind: "wager", period: "week", value: "5000", actor: { staffId: null } });
    for (const value of ["5001", ""]) {
      const res = await staffSetLimitAs(support, p.id, { limit: "wager_week", value, reason: "Trying to loosen" });
      expect(res.status).toBe("error");
    }
    const audit = await pool.query("SELECT count(*)::int AS n FROM admin_actions WHERE player_id = $1", [p.id]);
    expect(audit.rows[0].n).toBe(0);
    expect((await loadPlayerRg(support, p.id)).limits.find((l) => l.id === "wager_week")).toMatchObject({ value: "5000", pending: null });
  });

  it("a reason is required", async () => {
    const support = await staffViewer("support");
    const p = await makePlayer();
    expect(await staffSetLimitAs(support, p.id, { limit: "loss_day", value: "10.00", reason: " " })).toMatchObject({
      status: "error",
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(await staffExcludeAs(support, p.id, { option: "timeout:1w", reason: "" })).toMatchObject({ status: "error" });
  });

  it("staff exclusion: in force at once, live sessions end, recorded with its reason", async () => {
    const support = await staffViewer("support");
    const s = await liveSession();
    const res = await staffExcludeAs(support, s.player.id, { option: "self_exclusion:1y", reason: "Problem gambling report" });
    expect(res).toMatchObject({ status: "ok" });
    expect((await s.bet(raw("1.00"))).json).toMatchObject({ code: 4, message: "Player self-excluded" });
    const audit = await pool.query(
      "SELECT action, details->>'kind' AS kind, details->>'reason' AS reason FROM admin_actions WHERE player_id = $1",
      [s.player.id],
    );
    expect(audit.rows).toEqual([{ action: "rg_exclusion_set", kind: "self_exclusion", reason: "Problem gambling report" }]);
  });

  it("players, auditors and anonymous viewers cannot restrict anyone", async () => {
    const { anonymous, player } = await viewers();
    const auditor = await staffViewer("auditor");
    const target = await makePlayer();
    for (const viewer of [anonymous, player, auditor]) {
      await expect(
        staffSetLimitAs(viewer, target.id, { limit: "loss_day", value: "1.00", reason: "none of yours" }),
      ).rejects.toBeInstanceOf(AdminAccessError);
      await expect(staffExcludeAs(viewer, target.id, { option: "timeout:1d", reason: "none of yours" })).rejects.toBeInstanceOf(
        AdminAccessError,
      );
    }
    await expect(loadPlayerRg(player, target.id)).rejects.toBeInstanceOf(AdminAccessError);
  });
});

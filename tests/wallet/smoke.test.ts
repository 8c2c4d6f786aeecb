import { describe, expect, it } from "vitest";
import { balanceOf, ledgerSum, liveSession } from "./harness";

describe("wallet smoke", () => {
  it("authorizes, takes a bet and pays a win", async () => {
    const s = await liveSession({ balance: "100.00" });
    expect(s.auth.json).toMatchObject({ code: 0, message: "Ok", player_id: s.player.id, currency: "EUR", balance: 100 });
    const b = await s.bet("10.5", { round_id: "1" });
    expect(b.text).toMatch(/^\{"code":0,"message":"Ok","balance":89\.50,"external_session_id":\d+\}$/);
    const w = await s.win("20", { round_id: "1", is_close: true });
    expect(w.json).toMatchObject({ code: 0, balance: 109.5 });
    expect(await balanceOf(s.player.id)).toBe("109.50000000");
    expect(await ledgerSum(s.player.id)).toBe("109.50000000");
  });
});

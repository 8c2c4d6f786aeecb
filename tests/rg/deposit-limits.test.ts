import { describe, expect, it } from "vitest";
import { depositDemoFunds } from "@/lib/account/cashier";
import type { SessionPlayer } from "@/lib/auth/guards";
import { exclude } from "@/lib/rg/exclusions";
import { setLimit } from "@/lib/rg/limits";
import { money } from "@/lib/wallet/money";
import { balanceOf, ledgerSum, makePlayer } from "../wallet/harness";

/** Deposit limits apply to the cashier (D12): exactly at the limit is allowed, one minor unit over refused. */
const form = (amount: string) => {
  const f = new FormData();
  f.set("amount", amount);
  return f;
};
async function sessionPlayer(currency: string, balance: string): Promise<SessionPlayer> {
  const p = await makePlayer({ currency, balance });
  return { id: p.id, email: p.email, nick: "n", currency, role: "player", blocked: false, language: null };
}

describe("deposit limits at the cashier", () => {
  for (const c of [
    { currency: "JPY", period: "day", limit: "1000", first: "400", rest: "600", over: "601", label: "Daily deposit limit reached" },
    { currency: "EUR", period: "week", limit: "100.00", first: "99.99", rest: "0.01", over: "0.02", label: "Weekly deposit limit reached" },
    {
      currency: "BTC",
      period: "month",
      limit: "0.50000000",
      first: "0.25",
      rest: "0.25",
      over: "0.25000001",
      label: "Monthly deposit limit reached",
    },
  ] as const) {
    it(`${c.label.replace(" reached", "")} in ${c.currency}`, async () => {
      const p = await sessionPlayer(c.currency, "0");
      await setLimit({ playerId: p.id, kind: "deposit", period: c.period, value: c.limit, actor: { staffId: null } });
      expect(await depositDemoFunds(p, form(c.first), true)).toMatchObject({ status: "ok" });
      expect(await depositDemoFunds(p, form(c.over), true)).toEqual({
        status: "error",
        message: `${c.label}: this deposit would pass it.`,
      });
      expect(await depositDemoFunds(p, form(c.rest), true)).toMatchObject({ status: "ok" });
      expect(await balanceOf(p.id)).toBe(await ledgerSum(p.id));
      expect(money(await balanceOf(p.id)).equals(c.limit)).toBe(true);
    });
  }

  it("no deposits during a time-out", async () => {
    const p = await sessionPlayer("EUR", "10.00");
    await exclude({ playerId: p.id, kind: "timeout", durationId: "1d", actor: { staffId: null } });
    expect(await depositDemoFunds(p, form("5.00"), true)).toEqual({
      status: "error",
      message: "Deposits are closed during a time-out or self-exclusion.",
    });
    expect(await balanceOf(p.id)).toBe("10.00000000");
  });
});

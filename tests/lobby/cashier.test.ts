import { describe, expect, it } from "vitest";
import { DEMO_DEPOSIT_REASON, depositDemoFunds, validateDepositAmount } from "@/lib/account/cashier";
import type { SessionPlayer } from "@/lib/auth/guards";
import { balanceOf, ledgerCount, ledgerSum, makePlayer, pool } from "../wallet/harness";

const form = (amount: string | null) => {
  const f = new FormData();
  if (amount !== null) f.set("amount", amount);
  return f;
};

async function sessionPlayer(opts: { currency?: string; balance?: string; blocked?: boolean } = {}): Promise<SessionPlayer> {
  const p = await makePlayer(opts);
  return { id: p.id, email: p.email, nick: "n", currency: p.currency, role: "player", blocked: opts.blocked ?? false, language: null };
}

describe("demo cashier validation", () => {
  it.each([
    { input: "100", currency: "EUR", ok: "100" },
    { input: " 1,000.00 ", currency: "EUR", ok: "1000" },
    { input: "0.01", currency: "EUR", ok: "0.01" },
    { input: "0.00000001", currency: "BTC", ok: "0.00000001" },
    { input: "500", currency: "JPY", ok: "500" },
    { input: "", currency: "EUR", error: "Enter an amount" },
    { input: "abc", currency: "EUR", error: "Enter a number with at most 2 decimal places" },
    { input: "1e3", currency: "EUR", error: "Enter a number with at most 2 decimal places" },
    { input: "0.001", currency: "EUR", error: "Enter a number with at most 2 decimal places" },
    { input: "1.5", currency: "JPY", error: "Enter a number with at most 0 decimal places" },
    { input: "0", currency: "EUR", error: "Enter an amount greater than zero" },
    { input: "-5", currency: "EUR", error: "Enter an amount greater than zero" },
    { input: "1000.01", currency: "EUR", error: "At most 1,000.00 EUR per deposit" },
    { input: "1.00000001", currency: "BTC", error: "At most 1.00000000 BTC per deposit" },
    { input: "NaN", currency: "EUR", error: "Enter a number with at most 2 decimal places" },
  ])("$input $currency", ({ input, currency, ok, error }) => {
    const r = validateDepositAmount(input, currency);
    if (ok !== undefined) expect(r).toEqual({ amount: ok });
    else expect(r).toEqual({ error });
  });

  it("rejects a missing field", () => {
    expect(validateDepositAmount(null, "EUR")).toEqual({ error: "Enter an amount" });
  });
});

describe("demo cashier deposits", () => {
  it("adds the amount through the ledger so balance = sum(ledger)", async () => {
    const player = await sessionPlayer({ balance: "10.00" });
    const r = await depositDemoFunds(player, form("25.50"), true);
    expect(r).toEqual({ status: "ok", message: "Added 25.50 EUR." });
    expect(await balanceOf(player.id)).toBe("35.50000000");
    expect(await ledgerSum(player.id)).toBe("35.50000000");
    const last = await pool.query<{ kind: string; reason: string; admin_id: number | null }>(
      "SELECT kind, reason, admin_id FROM ledger_entries WHERE player_id = $1 ORDER BY id DESC LIMIT 1",
      [player.id],
    );
    expect(last.rows[0]).toEqual({ kind: "adjustment", reason: DEMO_DEPOSIT_REASON, admin_id: null });
  });

  it.each([
    { name: "anonymous", setup: async () => null, enabled: true, message: "Please sign in again." },
    { name: "cashier off", setup: () => sessionPlayer(), enabled: false, message: "The demo cashier is not available." },
    {
      name: "blocked player",
      setup: () => sessionPlayer({ blocked: true }),
      enabled: true,
      message: "This account is blocked. Please contact support.",
    },
  ])("refuses: $name, and moves no money", async ({ setup, enabled, message }) => {
    const player = await setup();
    const before = player ? await ledgerCount(player.id) : 0;
    expect(await depositDemoFunds(player, form("10"), enabled)).toEqual({ status: "error", message });
    if (player) expect(await ledgerCount(player.id)).toBe(before);
  });

  it("returns a field error for an invalid amount and moves no money", async () => {
    const player = await sessionPlayer();
    const before = await ledgerCount(player.id);
    expect(await depositDemoFunds(player, form("5000"), true)).toEqual({
      status: "error",
      fieldErrors: { amount: ["At most 1,000.00 EUR per deposit"] },
    });
    expect(await ledgerCount(player.id)).toBe(before);
  });
});

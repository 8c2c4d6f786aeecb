import "server-only";
import { z } from "zod";
import type { SessionPlayer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/form-state";
import { depositWithinLimits } from "@/lib/rg/deposit";
import { formatMoney, money, parseMoneyInput } from "@/lib/wallet/money";
import { Code } from "@/lib/webgames/codes";
import { minorUnits } from "@/lib/webgames/currencies";

/**
 * The demo cashier: adds play money to the signed-in player's wallet as a ledger adjustment.
 * On when env.DEMO_CASHIER is (default: on in development, off in production).
 */
export const DEMO_DEPOSIT_REASON = "Demo cashier deposit";

/** Per-deposit cap, in the currency's units: 1,000 for fiat-like currencies, 1 for crypto. */
export function depositCap(currency: string): string {
  return minorUnits(currency) === 8 ? "1" : "1000";
}

export type CashierState = FormState<"amount">;

const amountField = z.string({ error: "Enter an amount" }).trim().min(1, "Enter an amount").max(40, "Enter a shorter amount");

/** Validates the amount text for the player's currency; returns the decimal string or field errors. */
export function validateDepositAmount(input: unknown, currency: string): { amount: string } | { error: string } {
  const field = amountField.safeParse(input);
  if (!field.success) return { error: field.error.issues[0]?.message ?? "Enter an amount" };
  const amount = parseMoneyInput(field.data, currency);
  if (amount === null) return { error: `Enter a number with at most ${minorUnits(currency)} decimal places` };
  const value = money(amount);
  if (value.lessThanOrEqualTo(0)) return { error: "Enter an amount greater than zero" };
  const cap = depositCap(currency);
  if (value.greaterThan(cap)) return { error: `At most ${formatMoney(cap, currency)} per deposit` };
  return { amount };
}

/** The cashier's work for an already authenticated player (the server action adds the session check). */
export async function depositDemoFunds(player: SessionPlayer | null, form: FormData, enabled = env.DEMO_CASHIER): Promise<CashierState> {
  if (!player) return { status: "error", message: "Please sign in again." };
  if (!enabled) return { status: "error", message: "The demo cashier is not available." };
  if (player.blocked) return { status: "error", message: "This account is blocked. Please contact support." };
  const checked = validateDepositAmount(form.get("amount"), player.currency);
  if ("error" in checked) return { status: "error", fieldErrors: { amount: [checked.error] } };
  const result = await depositWithinLimits(player.id, checked.amount, DEMO_DEPOSIT_REASON);
  if (result.ok) return { status: "ok", message: `Added ${formatMoney(checked.amount, player.currency)}.` };
  // Deposit limits (issue 11): code 2 names the limit, e.g. "Daily deposit limit reached".
  if (result.code === Code.InsufficientFunds) return { status: "error", message: `${result.message}: this deposit would pass it.` };
  if (result.code === Code.PlayerBlocked) return { status: "error", message: "Deposits are closed during a time-out or self-exclusion." };
  return { status: "error", message: "The deposit could not be made. Please try again." };
}

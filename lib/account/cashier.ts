import "server-only";
import { z } from "zod";
import type { SessionPlayer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/form-state";
import { formatMoneyIn, normalizeDecimalInput } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { LIMITS, type LimitId } from "@/lib/rg/definitions";
import { depositWithinLimits } from "@/lib/rg/deposit";
import { money, parseMoneyInput } from "@/lib/wallet/money";
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

const amountField = z.string({ error: "enterAmount" }).trim().min(1, "enterAmount").max(40, "shorterAmount");

/**
 * Validates the amount text for the player's currency; returns the decimal string or a field error
 * worded in `locale` (default English). "12,50" reads as 12.50 where the comma is the decimal separator.
 */
export function validateDepositAmount(input: unknown, currency: string, locale = "en"): { amount: string } | { error: string } {
  const t = translator(locale, "cashier");
  const field = amountField.safeParse(input);
  if (!field.success) return { error: t(field.error.issues[0]?.message === "shorterAmount" ? "shorterAmount" : "enterAmount") };
  const amount = parseMoneyInput(normalizeDecimalInput(field.data, locale), currency);
  if (amount === null) return { error: t("tooManyDecimals", { minor: minorUnits(currency) }) };
  const value = money(amount);
  if (value.lessThanOrEqualTo(0)) return { error: t("notPositive") };
  const cap = depositCap(currency);
  if (value.greaterThan(cap)) return { error: t("overCap", { cap: formatMoneyIn(locale, cap, currency) }) };
  return { amount };
}

/**
 * The cashier's work for an already authenticated player (the server action adds the session check
 * and passes the request's locale, in which the messages are worded).
 */
export async function depositDemoFunds(
  player: SessionPlayer | null,
  form: FormData,
  enabled = env.DEMO_CASHIER,
  locale = "en",
): Promise<CashierState> {
  const t = translator(locale, "cashier");
  if (!player) return { status: "error", message: t("signInAgain") };
  if (!enabled) return { status: "error", message: t("unavailable") };
  if (player.blocked) return { status: "error", message: t("blocked") };
  const checked = validateDepositAmount(form.get("amount"), player.currency, locale);
  if ("error" in checked) return { status: "error", fieldErrors: { amount: [checked.error] } };
  const result = await depositWithinLimits(player.id, checked.amount, DEMO_DEPOSIT_REASON);
  if (result.ok) return { status: "ok", message: t("added", { amount: formatMoneyIn(locale, checked.amount, player.currency) }) };
  // Deposit limits (issue 11): code 2 names the limit, e.g. "Daily deposit limit reached".
  if (result.code === Code.InsufficientFunds) {
    const def = LIMITS.find((l) => `${l.label} reached` === result.message);
    const limit = def ? translator(locale, "rg")(`limit.${def.id as LimitId}`) : result.message.replace(/ reached$/, "");
    return { status: "error", message: t("limitReached", { limit }) };
  }
  if (result.code === Code.PlayerBlocked) return { status: "error", message: t("excluded") };
  return { status: "error", message: t("failed") };
}

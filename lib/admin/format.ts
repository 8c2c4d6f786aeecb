import Decimal from "decimal.js";
import { formatMoney, money } from "@/lib/wallet/money";
import { minorUnits } from "@/lib/webgames/currencies";

/**
 * Exact decimal text for exports: the currency's minor units when that loses nothing (ledger
 * amounts are validated to them, D7), otherwise every digit. Never rounds.
 */
export function exactAmount(value: string, currency: string): string {
  const d = money(value);
  const units = minorUnits(currency);
  return d.decimalPlaces() <= units ? d.toFixed(units) : d.toFixed();
}

/** Display form ("1,234.50 EUR") that, unlike formatMoney, never truncates extra digits. */
export function displayAmount(value: string, currency: string): string {
  const d = money(value);
  if (d.decimalPlaces() <= minorUnits(currency)) return formatMoney(d, currency);
  return `${d.toFixed()} ${currency}`;
}

/** A number for chart geometry only; labels and tooltips use the exact strings. */
export function plotNumber(value: string): number {
  return new Decimal(value).toNumber();
}

export function isoTime(d: Date | string): string {
  return (typeof d === "string" ? new Date(d) : d).toISOString();
}

import Decimal from "decimal.js";
import { minorUnits } from "@/lib/webgames/currencies";

/**
 * Money is decimal end to end (D7). Amounts come from the database as Prisma Decimals or decimal
 * strings and are formatted to the currency's minor units; no JavaScript number ever holds one.
 */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Money = Decimal;

export type MoneyLike = string | { toString(): string };

export function money(value: MoneyLike): Decimal {
  return new Money(typeof value === "string" ? value : value.toString());
}

/** Fixed to the currency's minor units, e.g. "1000.00" EUR, "0.50000000" BTC, "100" JPY. */
export function toCurrencyString(value: MoneyLike, currency: string): string {
  return money(value).toFixed(minorUnits(currency), Decimal.ROUND_DOWN);
}

/** Human formatting with grouping, e.g. "1,234.50 EUR". Exact: groups the decimal text itself. */
export function formatMoney(value: MoneyLike, currency: string): string {
  const fixed = toCurrencyString(value, currency);
  const negative = fixed.startsWith("-");
  const [int = "0", frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac ? `.${frac}` : ""} ${currency}`;
}

/** Parses user input ("12.5", "1,000.00") into a decimal string within the currency's minor units. */
export function parseMoneyInput(input: string, currency: string): string | null {
  const cleaned = input.trim().replace(/[,_\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const d = money(cleaned);
  if (!d.equals(d.toDecimalPlaces(minorUnits(currency)))) return null;
  if (d.abs().greaterThanOrEqualTo("1e29")) return null;
  return d.toFixed();
}

// Money is decimal.js end to end; JSON numbers are written from exact decimal text.
import Decimal from "decimal.js";

export { Decimal };

/** Plain decimal notation, no exponent, no trailing zeros: 0.30 -> "0.3", 1e-7 -> "0.0000001". */
export function moneyText(value: Decimal): string {
  const text = value.toFixed();
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** Rounds DOWN to the currency's fraction digits (a win is never rounded up in the player's favour by accident). */
export function floorTo(value: Decimal, digits: number): Decimal {
  return value.toDecimalPlaces(digits, Decimal.ROUND_DOWN);
}

/** Parses a user-supplied decimal string strictly (no exponent, no sign, no spaces). */
export function parseAmount(text: string): Decimal | null {
  if (!/^\d{1,15}(\.\d{1,8})?$/.test(text)) return null;
  return new Decimal(text);
}

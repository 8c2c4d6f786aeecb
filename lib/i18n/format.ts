import { minorUnits } from "@/lib/webgames/currencies";

/**
 * Money, numbers and dates for the players' side, through Intl in the page's locale. Client-safe
 * (the header, the play bar) and free of decimal.js so that the lobby's first load stays small.
 *
 * Amounts are exact decimal STRINGS ("12.50000000" from NUMERIC): they are cut to the currency's
 * minor units by string (toward zero, like toCurrencyString in lib/wallet/money.ts) and handed to
 * Intl.NumberFormat as strings, which formats a decimal string exactly (no JS number ever holds
 * the amount, so "12345678901234567890.12345678" keeps every digit). The provider's codes are not
 * all ISO 4217 ("DMO", "KM", "mBT"), so there is no `style: "currency"`: the code follows the
 * number, "1.234,50 EUR" in German, "1 234,50 EUR" in Russian, "1,234.50 EUR" in English.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** "12.3456" at 2 minor units → "12.34" (toward zero, like ROUND_DOWN); "-0.001" → "0.00". Throws on anything but a decimal string. */
export function fixDecimal(amount: string, minor: number): string {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(amount)}`);
  const [, sign = "", rawInt = "0", rawFrac = ""] = m;
  const int = rawInt.replace(/^0+(?=\d)/, "");
  const frac = rawFrac.slice(0, minor).padEnd(minor, "0");
  const zero = /^0+$/.test(int) && !/[1-9]/.test(frac);
  const text = minor > 0 ? `${int}.${frac}` : int;
  return sign === "-" && !zero ? `-${text}` : text;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, minor: number, signDisplay: "auto" | "always"): Intl.NumberFormat {
  const key = `${locale}|${minor}|${signDisplay}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: minor, maximumFractionDigits: minor, signDisplay });
    numberFormats.set(key, f);
  }
  return f;
}

export interface MoneyFormatOptions {
  /** "always": "+12.50" / "+0.00" / "-3.00" (the ledger, the session's net result). Default "auto". */
  signDisplay?: "auto" | "always";
}

/** The number alone, in the locale, to the currency's minor units: "1.234,50" (de), "12,50000000" (ru, BTC). */
export function formatAmount(locale: string, amount: string, currency: string, opts: MoneyFormatOptions = {}): string {
  const fixed = fixDecimal(amount, minorUnits(currency));
  // Intl.NumberFormat.format takes a decimal string exactly (ECMA-402 "Intl.NumberFormat v3").
  return numberFormat(locale, minorUnits(currency), opts.signDisplay ?? "auto").format(fixed as unknown as number);
}

/** Amount and currency code: "1.234,50 EUR" (de), "12.50 EUR" (en), "1 000 KZT" (ru). */
export function formatMoneyIn(locale: string, amount: string, currency: string, opts: MoneyFormatOptions = {}): string {
  return `${formatAmount(locale, amount, currency, opts)} ${currency}`;
}

/** A whole number in the locale ("1 440" in ru). */
export function formatInteger(locale: string, n: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A moment as the player reads it ("until …"): date and time in UTC, named as such, in the
 * locale's order and words: "Tue, 1 Dec 2026, 16:05 UTC" (en), "вт, 1 дек. 2026 г., 16:05 UTC" (ru).
 * UTC because limits count calendar periods in UTC and the page says so.
 */
export function formatDateTime(locale: string, d: Date | string): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
      timeZoneName: "short",
      hourCycle: "h23",
    });
    dateTimeFormats.set(locale, f);
  }
  return f.format(typeof d === "string" ? new Date(d) : d);
}

/** A ledger row's time in UTC, to the second, in the locale's order: "01.12.2026, 16:05:09" (de), "01/12/2026, 16:05:09" (en). */
export function formatTimestamp(locale: string, d: Date | string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: "UTC",
    hourCycle: "h23",
  }).format(typeof d === "string" ? new Date(d) : d);
}

/** The locale's decimal separator: "." (en), "," (ru, tr, pt-BR, es, de). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/**
 * A typed amount in the player's locale → plain decimal text for the parsers ("12,50" in German →
 * "12.50"; "1.000,50" → "1000.50"; "1 000,5" → "1000.5"). English keeps its rule: "," groups.
 * Where "," is the decimal separator, a "." counts as grouping only in the grouping pattern
 * ("1.000", "12.345.678,9"); otherwise ("12.50") it is the decimal point people type out of habit.
 * The result is only cleaned, not validated: the callers' parsers refuse what is not a number.
 */
export function normalizeDecimalInput(input: string, locale: string): string {
  const text = input.trim().replace(/[\s\u00a0\u202f_']/g, "");
  if (decimalSeparator(locale) !== ",") return text.replace(/,/g, "");
  if (text.includes(",")) return text.replace(/\./g, "").replace(",", ".");
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(text)) return text.replace(/\./g, "");
  return text;
}

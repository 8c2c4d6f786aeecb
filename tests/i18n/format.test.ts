import { describe, expect, it } from "vitest";
import { fixDecimal, formatAmount, formatDateTime, formatMoneyIn, normalizeDecimalInput } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";

// Intl's group separators: ru uses U+00A0 (no-break space), the others a character each.
const NBSP = "\u00a0";

describe("the money formatter (lib/i18n/format.ts)", () => {
  it.each([
    // 2 decimals (EUR)
    ["en", "1234.5", "EUR", "1,234.50 EUR"],
    ["de", "1234.5", "EUR", "1.234,50 EUR"],
    ["ru", "1234.5", "EUR", `1${NBSP}234,50 EUR`],
    ["tr", "1234.5", "EUR", "1.234,50 EUR"],
    ["pt-BR", "1234.5", "EUR", "1.234,50 EUR"],
    ["es", "12345.5", "EUR", "12.345,50 EUR"],
    // 0 decimals (JPY, and the provider's non-ISO "KM")
    ["en", "1000000", "JPY", "1,000,000 JPY"],
    ["de", "1000000", "JPY", "1.000.000 JPY"],
    ["ru", "1000000", "JPY", `1${NBSP}000${NBSP}000 JPY`],
    ["tr", "1000000", "KM", "1.000.000 KM"],
    // 8 decimals (BTC): every digit kept
    ["en", "0.00000001", "BTC", "0.00000001 BTC"],
    ["de", "1234.12345678", "BTC", "1.234,12345678 BTC"],
    ["ru", "0.5", "BTC", "0,50000000 BTC"],
    ["tr", "21000000.87654321", "BTC", "21.000.000,87654321 BTC"],
    // the demo currency (not ISO 4217) and zero
    ["en", "0", "DMO", "0.00 DMO"],
    ["de", "0", "EUR", "0,00 EUR"],
    ["de", "-12.5", "EUR", "-12,50 EUR"],
  ])("%s: %s %s → %s", (locale, amount, currency, expected) => {
    expect(formatMoneyIn(locale, amount, currency)).toBe(expected);
  });

  it("keeps a decimal string exact beyond what a JS number holds (never converted to a number)", () => {
    // 2^53 + 1 and 20 significant digits: a double would print …992 and lose the cents.
    expect(formatAmount("en", "9007199254740993.99", "EUR")).toBe("9,007,199,254,740,993.99");
    expect(formatAmount("de", "12345678901234567890.12345678", "BTC")).toBe("12.345.678.901.234.567.890,12345678");
    expect(formatAmount("en", "0.30000000", "BTC")).toBe("0.30000000"); // 0.1 + 0.2 would not be
  });

  it("cuts to the currency's minor units toward zero, like the wallet (never rounds up)", () => {
    expect(formatAmount("en", "12.34999999", "EUR")).toBe("12.34");
    expect(formatAmount("en", "-0.00100000", "EUR")).toBe("0.00");
    expect(formatAmount("en", "99.99900000", "JPY")).toBe("99");
    expect(fixDecimal("007.5", 3)).toBe("7.500");
    expect(() => fixDecimal("1e3", 2)).toThrow();
    expect(() => fixDecimal("NaN", 2)).toThrow();
  });

  it("shows the sign of a result when asked: +0.00, +12.50, -3.00", () => {
    expect(formatMoneyIn("en", "0", "USD", { signDisplay: "always" })).toBe("+0.00 USD");
    expect(formatMoneyIn("de", "12.5", "EUR", { signDisplay: "always" })).toBe("+12,50 EUR");
    expect(formatMoneyIn("ru", "-3", "EUR", { signDisplay: "always" })).toBe("-3,00 EUR");
  });

  it("dates: in the locale's words, in UTC, named as such", () => {
    const d = new Date("2026-12-01T16:05:00Z");
    expect(formatDateTime("en", d)).toBe("Tue, 1 Dec 2026, 16:05 UTC");
    expect(formatDateTime("de", d)).toBe("Di., 1. Dez. 2026, 16:05 UTC");
    expect(formatDateTime("ru", d)).toBe("вт, 1 дек. 2026 г., 16:05 UTC");
  });

  it("reads a typed amount with the locale's decimal separator", () => {
    expect(normalizeDecimalInput("12,50", "de")).toBe("12.50");
    expect(normalizeDecimalInput("1.000,50", "de")).toBe("1000.50");
    expect(normalizeDecimalInput("1.000", "de")).toBe("1000");
    expect(normalizeDecimalInput("12.50", "de")).toBe("12.50");
    expect(normalizeDecimalInput(`1${NBSP}000,5`, "ru")).toBe("1000.5");
    expect(normalizeDecimalInput("1,000.50", "en")).toBe("1000.50");
    expect(normalizeDecimalInput("12,5", "en")).toBe("125"); // English: the comma groups, as before
  });
});

describe("usage lines: ICU arguments, not sentence parts glued together", () => {
  it("a limit's use in Russian and German with Intl money", () => {
    const ru = translator("ru", "rg");
    expect(ru("usage.loss_day", { used: formatAmount("ru", "12.5", "EUR"), limit: formatMoneyIn("ru", "50", "EUR") })).toBe(
      "Проиграно сегодня: 12,50 из 50,00 EUR",
    );
    const de = translator("de", "rg");
    expect(de("usage.wager_week", { used: formatAmount("de", "1234", "EUR"), limit: formatMoneyIn("de", "5000", "EUR") })).toBe(
      "1.234,00 von 5.000,00 EUR diese Woche eingesetzt",
    );
  });

  it("plurals follow each language's rules", () => {
    const ru = translator("ru", "rg");
    expect([1, 3, 5, 21, 45].map((minutes) => ru("minutesValue", { minutes }))).toEqual([
      "1 минута",
      "3 минуты",
      "5 минут",
      "21 минута",
      "45 минут",
    ]);
    expect(translator("en", "rg")("sessionUsage", { minutes: 45 })).toBe("45 minutes per play session");
    expect(translator("de", "play")("durationHoursMinutes", { hours: 1, minutes: 5 })).toBe("1 Stunde 5 Minuten");
  });
});

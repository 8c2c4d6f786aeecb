/** The provider's 122 currency codes (case matters: FBu, mBT, mETH, uBTC). DMO means demo. */
export const SUPPORTED_CURRENCIES = [
  "AED", "ALL", "AMD", "AOA", "ARS", "AUD", "AZN", "BAM", "BDT", "BGN", "BHD", "BOB", "BRL", "BSX", "BTC",
  "BYN", "CAD", "CDF", "CFA", "CHF", "CLP", "CNY", "COP", "CZK", "DASH", "DEEX", "DKK", "DMO", "DOP", "DTC",
  "DZD", "EGP", "ETB", "ETH", "EUR", "FAU", "FBu", "GAME", "GBP", "GEL", "GHS", "GMC", "GMD", "GNF", "HC",
  "HKD", "HRK", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JOD", "JPY", "KES", "KGS", "KM",
  "KRW", "KWD", "KZT", "LBP", "LTC", "MAD", "MDL", "MKD", "MMK", "MNT", "MVR", "MXN", "MYR", "MZN", "NGN",
  "NIS", "NOK", "NZD", "OMR", "PEN", "PHP", "PICK", "PKR", "PLN", "PRB", "PYG", "QAR", "RON", "RSD", "RUB",
  "RUR", "SAR", "SDG", "SEK", "SGD", "THB", "TJS", "TMT", "TND", "TRY", "TWD", "TZS", "UAH", "UGX", "USD",
  "USDC", "USDT", "UYU", "UZS", "VEF", "VND", "XAF", "XEM", "XMR", "XOF", "ZAR", "ZEC", "ZMW", "ZWL", "mBT",
  "mETH", "uBTC",
] as const;

export type CurrencyCode = (typeof SUPPORTED_CURRENCIES)[number];
export const DEMO_CURRENCY = "DMO";

/** Currencies a player account may hold (everything but the demo currency). */
export const ACCOUNT_CURRENCIES = SUPPORTED_CURRENCIES.filter((c) => c !== DEMO_CURRENCY);

const CRYPTO = new Set(["BSX", "BTC", "DASH", "DEEX", "DTC", "ETH", "FAU", "GAME", "GMC", "HC", "LTC", "PICK", "USDC", "USDT", "XEM", "XMR", "ZEC", "mBT", "mETH", "uBTC"]);
const ZERO_DECIMALS = new Set(["CFA", "CLP", "FBu", "GNF", "ISK", "JPY", "KRW", "PYG", "UGX", "VND", "XAF", "XOF"]);
const THREE_DECIMALS = new Set(["BHD", "IQD", "JOD", "KWD", "OMR", "TND"]);

/** ISO 4217 minor units, 8 for crypto (D7). Mirrors the `currencies` table of the migrations. */
export function minorUnits(code: string): number {
  if (CRYPTO.has(code)) return 8;
  if (ZERO_DECIMALS.has(code)) return 0;
  if (THREE_DECIMALS.has(code)) return 3;
  return 2;
}

export function isSupportedCurrency(code: string): code is CurrencyCode {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(code);
}

// The 122 currency codes of docs/protocol.md. Case matters (FBu, mBT, mETH, uBTC).
export const CURRENCIES: readonly string[] = (
  "AED ALL AMD AOA ARS AUD AZN BAM BDT BGN BHD BOB BRL BSX BTC BYN CAD CDF CFA CHF CLP CNY COP CZK " +
  "DASH DEEX DKK DMO DOP DTC DZD EGP ETB ETH EUR FAU FBu GAME GBP GEL GHS GMC GMD GNF HC HKD HRK HTG " +
  "HUF IDR ILS INR IQD IRR ISK JOD JPY KES KGS KM KRW KWD KZT LBP LTC MAD MDL MKD MMK MNT MVR MXN MYR " +
  "MZN NGN NIS NOK NZD OMR PEN PHP PICK PKR PLN PRB PYG QAR RON RSD RUB RUR SAR SDG SEK SGD THB TJS TMT " +
  "TND TRY TWD TZS UAH UGX USD USDC USDT UYU UZS VEF VND XAF XEM XMR XOF ZAR ZEC ZMW ZWL mBT mETH uBTC"
).split(" ");

const SET = new Set(CURRENCIES);
export const isCurrency = (code: string): boolean => SET.has(code);

// ISO 4217 minor units where they differ from 2; crypto and in-house tokens get 8 (D7). The
// simulator keeps its own copy on purpose (the conformance checker is an independent check of the
// wallet); tests/webgames/currencies.test.ts proves it agrees with lib/webgames/currencies.ts.
const ZERO = new Set(["CFA", "CLP", "FBu", "GNF", "ISK", "JPY", "KM", "KRW", "PYG", "UGX", "VND", "XAF", "XOF"]);
const THREE = new Set(["BHD", "IQD", "JOD", "KWD", "OMR", "TND"]);
const CRYPTO = new Set([
  "BTC",
  "BSX",
  "DASH",
  "DEEX",
  "DTC",
  "ETH",
  "FAU",
  "GAME",
  "GMC",
  "HC",
  "LTC",
  "PICK",
  "USDC",
  "USDT",
  "XEM",
  "XMR",
  "ZEC",
  "mBT",
  "mETH",
  "uBTC",
]);

/** Fraction digits the simulator uses for amounts in this currency (never more than the wallet allows). */
export function minorUnits(code: string): number {
  if (ZERO.has(code)) return 0;
  if (THREE.has(code)) return 3;
  if (CRYPTO.has(code)) return 8;
  return 2;
}

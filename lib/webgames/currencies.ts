/**
 * The provider's 122 currency codes and the minor units of each (how many decimals an amount may
 * have, D7): ISO 4217, 8 for crypto and in-house tokens. docs/protocol.md ("Currencies") explains
 * the codes that are not ISO codes. This is the one source: the `currencies` table of the database
 * and the simulator's own copy (sim/currencies.ts) are checked against it by
 * tests/webgames/currencies.test.ts. Case matters: FBu, mBT, mETH, uBTC.
 */
export const CURRENCY_MINOR_UNITS = {
  AED: 2,
  ALL: 2,
  AMD: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AZN: 2,
  BAM: 2,
  BDT: 2,
  BGN: 2,
  BHD: 3,
  BOB: 2,
  BRL: 2,
  BSX: 8, // crypto or in-house token
  BTC: 8, // crypto or in-house token
  BYN: 2,
  CAD: 2,
  CDF: 2,
  CFA: 0, // CFA franc = ISO XOF/XAF
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DASH: 8, // crypto or in-house token
  DEEX: 8, // crypto or in-house token
  DKK: 2,
  DMO: 2, // demo play money
  DOP: 2,
  DTC: 8, // crypto or in-house token
  DZD: 2,
  EGP: 2,
  ETB: 2,
  ETH: 8, // crypto or in-house token
  EUR: 2,
  FAU: 8, // crypto or in-house token
  FBu: 0, // Burundian franc, ISO BIF
  GAME: 8, // crypto or in-house token
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GMC: 8, // crypto or in-house token
  GMD: 2,
  GNF: 0,
  HC: 8, // crypto or in-house token
  HKD: 2,
  HRK: 2,
  HTG: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  IRR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KGS: 2,
  KM: 0, // Comorian franc, ISO KMF (docs/protocol.md)
  KRW: 0,
  KWD: 3,
  KZT: 2,
  LBP: 2,
  LTC: 8, // crypto or in-house token
  MAD: 2,
  MDL: 2,
  MKD: 2,
  MMK: 2,
  MNT: 2,
  MVR: 2,
  MXN: 2,
  MYR: 2,
  MZN: 2,
  NGN: 2,
  NIS: 2, // Israeli shekel, ISO ILS
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PEN: 2,
  PHP: 2,
  PICK: 8, // crypto or in-house token
  PKR: 2,
  PLN: 2,
  PRB: 2,
  PYG: 0,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  RUR: 2, // old code of the rouble
  SAR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TJS: 2,
  TMT: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  USDC: 8, // crypto or in-house token
  USDT: 8, // crypto or in-house token
  UYU: 2,
  UZS: 2,
  VEF: 2,
  VND: 0,
  XAF: 0,
  XEM: 8, // crypto or in-house token
  XMR: 8, // crypto or in-house token
  XOF: 0,
  ZAR: 2,
  ZEC: 8, // crypto or in-house token
  ZMW: 2,
  ZWL: 2,
  mBT: 8, // crypto or in-house token
  mETH: 8, // crypto or in-house token
  uBTC: 8, // crypto or in-house token
} as const satisfies Record<string, 0 | 2 | 3 | 8>;

export type CurrencyCode = keyof typeof CURRENCY_MINOR_UNITS;

/** The codes in the provider's order. */
export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_MINOR_UNITS) as CurrencyCode[];

export const DEMO_CURRENCY = "DMO" satisfies CurrencyCode;

/** Currencies a player account may hold (everything but the demo currency). */
export const ACCOUNT_CURRENCIES = SUPPORTED_CURRENCIES.filter((c) => c !== DEMO_CURRENCY);

export function isSupportedCurrency(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCY_MINOR_UNITS, code);
}

/** Minor units of a supported currency; 2 for a code the provider does not list (it never sends one). */
export function minorUnits(code: string): number {
  return isSupportedCurrency(code) ? CURRENCY_MINOR_UNITS[code] : 2;
}

/** The provider's result codes (docs/protocol.md), one table for every method. */
export const Code = {
  Ok: 0,
  InternalError: 1,
  InsufficientFunds: 2,
  PlayerBlocked: 4,
  RoundClosed: 5,
  RoundNotFound: 8,
  HashMismatch: 10,
  PlayerNotFound: 11,
  GameNotFound: 12,
  PartnerApiReturnNull: 13,
  InvalidToken: 14,
  UnavailableType: 15,
  PartnerNotFound: 101,
  CurrencyNotFound: 102,
} as const;

export type CodeValue = (typeof Code)[keyof typeof Code];

export const CODE_MESSAGES: Record<CodeValue, string> = {
  0: "Ok",
  1: "Internal error",
  2: "Insufficient funds",
  4: "Player blocked",
  5: "Round closed",
  8: "Round not found",
  10: "Hash mismatch",
  11: "Player not found",
  12: "Game is not found",
  13: "Partner API return null",
  14: "Non-valid token",
  15: "Unavailable type",
  101: "Partner is not found",
  102: "Currency is not found",
};

/** Plain words for players and support (the play page, the back office). */
export function describeCode(code: number): string {
  return (CODE_MESSAGES as Record<number, string>)[code] ?? `Unknown code ${code}`;
}

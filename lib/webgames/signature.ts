import { createHash, timingSafeEqual } from "node:crypto";

/** The signed values of each method, in the order the provider concatenates them. */
export const SIGNED_FIELDS = {
  GetListGames: ["partner_id", "type"],
  Authorization: ["player_id", "game_id", "token"],
  Credit: ["player_id", "round_id", "game_id", "transaction_id", "token"],
  Debit: ["player_id", "round_id", "game_id", "transaction_id", "token"],
} as const;

export type SignedMethod = keyof typeof SIGNED_FIELDS;

/** md5hex(MethodName + "/" + value1 + value2 + … + api_key): no separators (docs/protocol.md). */
export function sign(method: SignedMethod | string, values: readonly (string | number | bigint)[], apiKey: string): string {
  return createHash("md5")
    .update(`${method}/${values.join("")}${apiKey}`, "utf8")
    .digest("hex");
}

const HEX32 = /^[0-9a-fA-F]{32}$/;

/**
 * D2: constant-time comparison, either hex case. The length/shape check leaks only that the
 * given value is not an md5 hex string at all, never how much of a real hash matched.
 */
export function verifySignature(given: unknown, expectedHex: string): boolean {
  if (typeof given !== "string" || !HEX32.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), "latin1"), Buffer.from(expectedHex, "latin1"));
}

import { createHash } from "node:crypto";

/** md5hex(Method + "/" + values... + apiKey): no separators, as the provider's document fixes. */
export function sign(method: string, values: readonly (string | number)[], apiKey: string): string {
  return createHash("md5")
    .update(`${method}/${values.join("")}${apiKey}`)
    .digest("hex");
}

/** Hash comparison that accepts either hex case (docs/protocol.md D2). */
export function hashMatches(given: string, expected: string): boolean {
  return given.toLowerCase() === expected.toLowerCase();
}

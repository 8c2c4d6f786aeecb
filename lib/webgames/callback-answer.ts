import type { WalletError } from "@/lib/wallet/errors";
import type { Authorized, Moved } from "@/lib/wallet/operations";
import { Code } from "./codes";

/**
 * The partner API's answers, written from the wallet's domain results (docs/protocol.md, sections 3-5).
 * Every answer is built here, so the bytes of a D5 repeat are the bytes of the first answer as long
 * as the wallet returns the same values (it returns the original ledger entry's).
 */
export interface WireAnswer {
  code: number;
  /** The exact JSON text to send. */
  body: string;
}

/**
 * Writes a flat JSON object whose `raw` values are trusted decimal texts written as JSON numbers
 * (so 0.3 is written 0.3, never 0.30000000000000004, and 9007199254740993.01 stays exact).
 */
export function jsonAnswer(fields: Record<string, string | number | boolean | null | undefined | { raw: string }>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    const value = typeof v === "object" && v !== null ? v.raw : JSON.stringify(v);
    parts.push(`${JSON.stringify(k)}:${value}`);
  }
  return `{${parts.join(",")}}`;
}

/** The one mapper of a refusal to the wire: `{code, message}`, plus the balance when the wallet knew it. */
export function refusalAnswer(err: WalletError): WireAnswer {
  return {
    code: err.code,
    body: jsonAnswer({ code: err.code, message: err.message, balance: err.balance === null ? undefined : { raw: err.balance } }),
  };
}

/** Authorization's success: `{code, message, player_id, currency, nick, balance, external_session}`. */
export function authorizationAnswer(a: Authorized): WireAnswer {
  return {
    code: Code.Ok,
    body: jsonAnswer({
      code: Code.Ok,
      message: "Ok",
      player_id: a.playerId,
      currency: a.currency,
      nick: a.nick,
      balance: { raw: a.balance },
      external_session: a.sessionId,
    }),
  };
}

/** Credit's and Debit's success: `{code, message, balance, external_session_id}` (D10: the ledger entry). */
export function moveAnswer(m: Moved): WireAnswer {
  return {
    code: Code.Ok,
    body: jsonAnswer({ code: Code.Ok, message: "Ok", balance: { raw: m.balance }, external_session_id: { raw: m.ledgerId } }),
  };
}

import { isLosslessNumber, parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { WalletError } from "@/lib/wallet/errors";
import { Code } from "./codes";
import { SIGNED_FIELDS, sign, verifySignature } from "./signature";

/**
 * Parsing of the provider's callback bodies (Authorization, Credit, Debit).
 *
 * Numbers are kept as their JSON text (lossless-json), so amounts are exact (D7) and ids longer
 * than 2^53 survive. Duplicate keys are refused: two parsers picking different values of one key
 * is a classic way to make a signed request mean something else.
 */
export type CallbackMethod = "Authorization" | "Credit" | "Debit";

export interface AuthorizationRequest {
  playerId: number;
  gameId: number;
  token: string;
}

export interface MoneyRequest extends AuthorizationRequest {
  roundId: string;
  transactionId: string;
  /** Plain decimal text, non-negative, at most 8 fractional digits; the wallet checks the currency's. */
  amount: string;
  isClose: boolean;
  /** Debit only: the related bet, informational. */
  betAmount: string | null;
}

export type CallbackRequest<M extends CallbackMethod> = M extends "Authorization" ? AuthorizationRequest : MoneyRequest;

/** What is known of a request for the D11 log, even when it was refused. Never the token. */
export interface CallbackFacts {
  playerId?: string;
  roundId?: string;
  transactionId?: string;
  gameId?: string;
  amount?: string;
}

type Raw = Record<string, unknown>;

/** A scalar's text as the provider's md5 saw it: strings as they are, numbers as written. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (isLosslessNumber(v)) return v.value;
  return undefined;
}

export function parseJsonObject(text: string): Raw {
  let value: unknown;
  try {
    value = parseLossless(text);
  } catch (err) {
    throw new WalletError(Code.InternalError, `Malformed JSON: ${(err as Error).message.slice(0, 120)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new WalletError(Code.InternalError, "Malformed request: the body must be a JSON object");
  }
  return value as Raw;
}

export function factsOf(raw: Raw): CallbackFacts {
  const t = (k: string) => scalarText(raw[k])?.slice(0, 100);
  return {
    playerId: t("player_id"),
    roundId: t("round_id"),
    transactionId: t("transaction_id"),
    gameId: t("game_id"),
    amount: t("amount"),
  };
}

/** D2: the signature first, before anything reads the database. Missing or wrong: code 10. */
export function verifyCallbackSignature(method: CallbackMethod, raw: Raw, apiKey: string): void {
  const values: string[] = [];
  for (const field of SIGNED_FIELDS[method]) {
    const text = scalarText(raw[field]);
    if (text === undefined) {
      throw new WalletError(Code.InternalError, raw[field] === undefined ? `Missing field: ${field}` : `Invalid field: ${field}`);
    }
    values.push(text);
  }
  if (!verifySignature(raw.hash, sign(method, values, apiKey))) {
    throw new WalletError(Code.HashMismatch, "Hash mismatch");
  }
}

const INT32_MAX = 2_147_483_647;
const positiveInt = (field: string, code: number, message: string) =>
  z.custom<unknown>().transform((v, ctx) => {
    const text = scalarText(v);
    if (text !== undefined && /^[1-9][0-9]{0,9}$/.test(text) && Number(text) <= INT32_MAX) return Number(text);
    ctx.addIssue({ code: "custom", message, params: { code, field } });
    return z.NEVER;
  });

const opaqueId = (field: string) =>
  z.custom<unknown>().transform((v, ctx) => {
    const text = scalarText(v);
    if (text !== undefined && /^[A-Za-z0-9_.:-]{1,64}$/.test(text)) return text;
    ctx.addIssue({ code: "custom", message: `Invalid ${field}`, params: { code: Code.InternalError, field } });
    return z.NEVER;
  });

const DECIMAL_TEXT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * D7: an amount is a JSON number (any JSON syntax, read exactly) or a plain decimal string.
 * Negative, exponent-only strings, NaN/Infinity, more than 8 fractional digits (the largest any
 * currency allows; the wallet then checks the currency's own) or 30+ integer digits are refused.
 */
export function parseAmount(v: unknown): string | null {
  let text: string;
  if (isLosslessNumber(v)) text = v.value;
  else if (typeof v === "string" && DECIMAL_TEXT.test(v)) text = v;
  else return null;
  if (!JSON_NUMBER.test(text) || text.startsWith("-")) return null;
  const plain = exponentToPlain(text);
  if (plain === null) return null;
  const [intPart = "", frac = ""] = plain.split(".");
  const fracTrimmed = frac.replace(/0+$/, "");
  if (fracTrimmed.length > 8 || intPart.replace(/^0+(?=\d)/, "").length > 29) return null;
  return fracTrimmed ? `${intPart}.${fracTrimmed}` : intPart;
}

/** Exact decimal expansion of a JSON number's text, without going through a float. */
function exponentToPlain(text: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const intDigits = m[1] ?? "0";
  const fracDigits = m[2] ?? "";
  const exp = m[3] ? Number(m[3]) : 0;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 64) return null;
  let digits = intDigits + fracDigits;
  let point = intDigits.length + exp;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const f = digits.slice(point);
  return f ? `${i}.${f}` : i;
}

const amountField = (field: string) =>
  z.custom<unknown>().transform((v, ctx) => {
    const amount = parseAmount(v);
    if (amount !== null) return amount;
    ctx.addIssue({ code: "custom", message: `Invalid ${field}`, params: { code: Code.InternalError, field } });
    return z.NEVER;
  });

const tokenField = z.custom<unknown>().transform((v, ctx) => {
  const text = scalarText(v);
  if (text !== undefined && text.length > 0 && text.length <= 512) return text;
  ctx.addIssue({ code: "custom", message: "Non-valid token", params: { code: Code.InvalidToken, field: "token" } });
  return z.NEVER;
});

const authorizationSchema = z.object({
  player_id: positiveInt("player_id", Code.PlayerNotFound, "Player not found"),
  game_id: positiveInt("game_id", Code.InternalError, "Invalid game_id"),
  token: tokenField,
});

const moneySchema = authorizationSchema.extend({
  round_id: opaqueId("round_id"),
  transaction_id: opaqueId("transaction_id"),
  amount: amountField("amount"),
  is_close: z.boolean({ error: "Invalid is_close" }).optional().default(false),
  bet_amount: amountField("bet_amount").optional(),
});

/** zod at the boundary; the first issue decides the protocol code (player → 11, token → 14, else 1). */
export function parseCallbackRequest<M extends CallbackMethod>(method: M, raw: Raw): CallbackRequest<M> {
  const schema = method === "Authorization" ? authorizationSchema : moneySchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const params = (issue as { params?: { code?: number } } | undefined)?.params;
    const missing = issue && raw[String(issue.path[0])] === undefined;
    throw new WalletError(
      missing ? Code.InternalError : (params?.code ?? Code.InternalError),
      missing ? `Missing field: ${String(issue.path[0])}` : (issue?.message ?? "Invalid request"),
    );
  }
  const d = parsed.data as z.infer<typeof moneySchema>;
  const base: AuthorizationRequest = { playerId: d.player_id, gameId: d.game_id, token: d.token };
  if (method === "Authorization") return base as CallbackRequest<M>;
  return {
    ...base,
    roundId: d.round_id,
    transactionId: d.transaction_id,
    amount: d.amount,
    isClose: d.is_close,
    betAmount: d.bet_amount ?? null,
  } as CallbackRequest<M>;
}

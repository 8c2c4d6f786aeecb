// Hand-written JSON for partner requests: amounts must appear as exact decimal literals
// (0.3, never 0.30000000000000004) and integer-looking ids as numbers.
import { isLosslessNumber, parse } from "lossless-json";

/** A value written verbatim as a JSON number literal. */
export class RawNumber {
  constructor(readonly text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
  }
}

export type WireValue = string | boolean | RawNumber | null;

export function writeJson(fields: ReadonlyArray<readonly [string, WireValue]>): string {
  const parts = fields.map(([key, value]) => {
    const v = value instanceof RawNumber ? value.text : JSON.stringify(value);
    return `${JSON.stringify(key)}:${v}`;
  });
  return `{${parts.join(",")}}`;
}

/**
 * Ids the partner gets as JSON numbers when they look like safe integers without leading zeros
 * (so the number's text equals the string that was signed); anything else stays a string.
 */
export function idValue(id: string): WireValue {
  return /^(0|[1-9]\d{0,14})$/.test(id) ? new RawNumber(id) : id;
}

/** Parses JSON keeping numbers as exact text (LosslessNumber -> string via numberText). */
export function parseLossless(text: string): unknown {
  return parse(text);
}

/** The exact text of a JSON number (or numeric string) from a lossless parse. */
export function numberText(value: unknown): string | null {
  if (isLosslessNumber(value)) return value.value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

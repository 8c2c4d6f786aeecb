import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of a query parameter, trimmed; empty means absent. */
export function param(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

/**
 * Parses each field on its own so that one bad value (a typo in a shared link) drops only that
 * filter and is reported, instead of discarding the whole query.
 */
export function parseFields<S extends z.ZodObject>(schema: S, sp: SearchParams): { values: Partial<z.infer<S>>; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = param(sp, key);
    if (raw === undefined) continue;
    const parsed = (field as z.ZodType).safeParse(raw);
    if (parsed.success) values[key] = parsed.data;
    else errors.push(`${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
  return { values: values as Partial<z.infer<S>>, errors };
}

export const decimalText = z.string().regex(/^\d{1,29}(\.\d{1,8})?$/, "a non-negative decimal like 10.50");
/** `YYYY-MM-DD` (a whole UTC day) or an ISO date-time. */
export const dateText = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), "a date like 2026-11-25");
export const idText = z.string().regex(/^\d{1,18}$/, "a number");

/** Lower bound (inclusive) of a date filter. */
export function fromDate(s: string): Date {
  return new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
}
/** Upper bound (exclusive): a bare date includes that whole day. */
export function toDateExclusive(s: string): Date {
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (s.length === 10) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Opaque keyset cursor: the last row's (created_at text, id). */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}
export function decodeCursor(c: string, n: number): string[] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === n && v.every((x) => typeof x === "string")) return v as string[];
  } catch {
    // fall through: a mangled cursor means "first page"
  }
  return null;
}

/** Rebuilds a query string from values (for links that keep the current filters). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

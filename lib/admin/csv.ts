import { stringify } from "csv-stringify/sync";

/**
 * CSV for the back office: cells starting with = + - @ (tab, CR) are neutralised by the library's
 * escape_formulas (a title or reason must never run as a spreadsheet formula), except plain decimal
 * numbers such as "-12.50", which are no formula and must stay numbers for the reader.
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function csvRows(rows: string[][]): string {
  return stringify(rows, {
    escape_formulas: true,
    // Only a negative decimal needs the exception (no other decimal starts with a formula character).
    // Returning per-cell options costs the library a full option parse per cell (~3 µs each, 4 ms for
    // a 120-row report), so every other cell is returned as it is.
    cast: { string: (value) => (value.startsWith("-") && DECIMAL.test(value) ? { value, escape_formulas: false } : value) },
  });
}

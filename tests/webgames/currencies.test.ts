import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { CODE_MESSAGES } from "@/lib/webgames/codes";
import { CURRENCY_MINOR_UNITS, minorUnits, SUPPORTED_CURRENCIES } from "@/lib/webgames/currencies";
import * as sim from "@/sim/currencies";
import { PARTNER_MEANING } from "@/sim/play";

/**
 * One source per protocol table (docs/protocol.md): lib/webgames/currencies.ts and codes.ts. The
 * database's `currencies` rows (written by the migrations, read by the wallet's SQL) and the
 * simulator's own copies must say the same, code for code.
 */
describe("currencies: one table", () => {
  it("the provider's 122 codes, DMO included, case kept (FBu, mBT, mETH, uBTC)", () => {
    expect(SUPPORTED_CURRENCIES).toHaveLength(122);
    expect(new Set(SUPPORTED_CURRENCIES).size).toBe(122);
    for (const c of ["DMO", "FBu", "mBT", "mETH", "uBTC"]) expect(SUPPORTED_CURRENCIES).toContain(c);
  });

  it.each([
    ["CFA", 0],
    ["KM", 0],
    ["FBu", 0],
    ["XOF", 0],
    ["JPY", 0],
    ["BAM", 2],
    ["EUR", 2],
    ["KWD", 3],
    ["BTC", 8],
    ["uBTC", 8],
  ])("%s has %i minor units (ISO 4217, 8 for crypto; docs/protocol.md)", (code, units) => {
    expect(minorUnits(code)).toBe(units);
  });

  it("the database's currencies table has exactly these rows", async () => {
    const rows = await pool.query<{ code: string; minor_units: number }>(
      'SELECT code, minor_units FROM "currencies" ORDER BY code COLLATE "C"',
    );
    const db = Object.fromEntries(rows.rows.map((r) => [r.code, r.minor_units]));
    expect(db).toEqual({ ...CURRENCY_MINOR_UNITS });
  });

  it("the simulator's own copy lists the same codes with the same minor units", () => {
    expect([...sim.CURRENCIES]).toEqual(SUPPORTED_CURRENCIES);
    for (const code of SUPPORTED_CURRENCIES) expect([code, sim.minorUnits(code)]).toEqual([code, minorUnits(code)]);
  });
});

describe("result codes: one table", () => {
  it("every code the wallet's SQL functions return is in the table", async () => {
    const src = await pool.query<{ src: string }>("SELECT string_agg(prosrc, E'\\n') AS src FROM pg_proc WHERE proname LIKE 'wallet\\_%'");
    const returned = new Set([...(src.rows[0]?.src ?? "").matchAll(/(?:wallet_err"?\(|ROW\()(\d+),/g)].map((m) => Number(m[1])));
    expect(returned.size).toBeGreaterThan(5);
    for (const code of returned) expect(Object.keys(CODE_MESSAGES), `code ${code}`).toContain(String(code));
  });

  it("the simulator's meanings of partner codes are the table's", () => {
    for (const [code, meaning] of Object.entries(PARTNER_MEANING)) {
      expect([code, meaning]).toEqual([code, CODE_MESSAGES[Number(code) as keyof typeof CODE_MESSAGES]]);
    }
  });
});

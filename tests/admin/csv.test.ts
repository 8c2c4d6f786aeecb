import { describe, expect, it } from "vitest";
import { csvRows } from "@/lib/admin/csv";
import { parseCsv } from "./helpers";

describe("csvRows (reports and audit CSV)", () => {
  it("neutralises every cell that a spreadsheet would run as a formula, and keeps decimals as numbers", () => {
    const cells = ['=HYPERLINK("x")', "+1+2", "-1+2", "@SUM(A1)", "\tx", "\rx", "-", "-12.50", "12.50", "-0.00087655", "0", "Game 1"];
    const [row] = parseCsv(csvRows([cells]));
    expect(row).toEqual([
      '\'=HYPERLINK("x")',
      "'+1+2",
      "'-1+2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'-",
      "-12.50",
      "12.50",
      "-0.00087655",
      "0",
      "Game 1",
    ]);
  });
});

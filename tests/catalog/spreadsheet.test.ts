import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, parseSpreadsheet, SpreadsheetError } from "@/lib/catalog/spreadsheet";

const csv = (...lines: string[]) => Buffer.from(lines.join("\r\n"), "utf8");

async function xlsx(rows: (string | number | null)[][], opts: { percentColumn?: number; titleRow?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Games");
  if (opts.titleRow) ws.addRow([opts.titleRow]);
  for (const r of rows) ws.addRow(r);
  if (opts.percentColumn) ws.getColumn(opts.percentColumn).numFmt = "0.00%";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("extended catalog spreadsheet: columns found by name", () => {
  it.each([
    ["the provider's wording", "ID,Title,Provider,RTP,Volatility,Features,Icon 206x206,Icon 287x193"],
    ["another order and spelling", "Icon (287x193),studio,Game ID,Name,RTP, %,VOLATILITY,Game features,icon_206x206"],
    ["snake case", "icon_287x193,provider,game_id,title,rtp_percent,volatility,features,icon_206x206"],
  ])("%s", async (_name, header) => {
    const cols = header.startsWith("ID")
      ? ["11", "Chicago Deluxe", "Lucky Forge", "96.5", "High", '"wilds, free spins"', "/icon/a/206x206/c.jpg", "/icon/a/287x193/c.jpg"]
      : header.startsWith("Icon (")
        ? ["/icon/a/287x193/c.jpg", "Lucky Forge", "11", "Chicago Deluxe", '"96,5"', "High", '"wilds; free spins"', "/icon/a/206x206/c.jpg"]
        : ["/icon/a/287x193/c.jpg", "Lucky Forge", "11", "Chicago Deluxe", "96.5%", "High", '"wilds, free spins"', "/icon/a/206x206/c.jpg"];
    // "RTP, %" has a comma in it: as a real export writes it, quoted.
    const headerLine = header.replace("RTP, %", '"RTP, %"').replace(/^Icon \(287x193\)/, '"Icon (287x193)"');
    const result = await parseSpreadsheet(csv(headerLine, cols.join(",")));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        id: 11,
        title: "Chicago Deluxe",
        provider: "Lucky Forge",
        rtp: "96.50",
        volatility: "High",
        features: ["wilds", "free spins"],
        icon206: "/icon/a/206x206/c.jpg",
        icon287: "/icon/a/287x193/c.jpg",
        extra: {},
      },
    ]);
  });

  it("a byte order mark, CRLF, quoted commas and quotes inside titles", () => {
    const r = parseCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv("Game ID,Name", '7,"Gold, Silver and ""Bronze"""', "8,Plain")]));
    expect(r.rows.map((x) => [x.id, x.title])).toEqual([
      [7, 'Gold, Silver and "Bronze"'],
      [8, "Plain"],
    ]);
  });

  it("comma decimals in a semicolon-separated file (a European Excel export)", () => {
    const r = parseCsv(csv("ID;RTP, %;Features", "3;96,12;wilds, scatter pays", "4;95,5 %;"));
    expect(r.rows.map((x) => [x.id, x.rtp, x.features])).toEqual([
      [3, "96.12", ["wilds", "scatter pays"]],
      [4, "95.50", []],
    ]);
  });

  it("missing columns are simply absent; unknown columns are kept as extra attributes", () => {
    const r = parseCsv(csv("ID,Max win,Lines", "5,x5000,20"));
    expect(r.rows).toEqual([{ id: 5, features: [], extra: { "Max win": "x5000", Lines: "20" } }]);
    expect(r.columns).toEqual([
      { header: "ID", field: "id" },
      { header: "Max win", field: "extra" },
      { header: "Lines", field: "extra" },
    ]);
  });

  it("a title row above the header is skipped", () => {
    const r = parseCsv(csv("Web Games extended catalog (May 2026),,", ",,", "ID,Studio,RTP", "9,Reelcraft,94"));
    expect(r.rows).toEqual([{ id: 9, provider: "Reelcraft", rtp: "94.00", features: [], extra: {} }]);
  });

  it("garbage rows are reported with their row number and why, and skipped; good rows are kept", () => {
    const r = parseCsv(
      csv(
        "ID,Title,RTP,Icon 206x206",
        "1,Good One,96.1,/icon/x/206x206/a.jpg",
        "abc,Bad ID,96,",
        ",No id at all,95,",
        "2,Too high,101,",
        "3,Weird rtp,ninety,",
        "4,Script icon,95,javascript:alert(1)",
        "",
        "1,Duplicate,95,",
        "\u0001\u0002,\u00ff\u00fe,,,,,,,,",
        "5,Good Two,95.00%",
      ),
    );
    expect(r.rows.map((x) => x.id)).toEqual([1, 5]);
    expect(r.problems).toEqual([
      { row: 3, reason: 'game ID "abc" is not a positive whole number' },
      { row: 4, reason: "no game ID" },
      { row: 5, reason: 'RTP "101" is not a percentage between 0 and 100' },
      { row: 6, reason: 'RTP "ninety" is not a percentage between 0 and 100' },
      { row: 7, reason: 'Icon 206x206 "javascript:alert(1)" is not a link' },
      { row: 9, reason: "game ID 1 already appears in row 2" },
      { row: 10, reason: "no game ID" },
    ]);
  });

  it.each([
    ["an empty file", Buffer.alloc(0), "The file is empty."],
    ["only a BOM and blank lines", Buffer.from("\uFEFF\r\n\r\n"), "The file is empty."],
    ["no game ID column", csv("Title,RTP", "A,96"), "No game ID column found"],
    ["an HTML sign-in page instead of the export", csv("<!DOCTYPE html><html><body>Sign in</body></html>"), "web page"],
    ["a binary file", Buffer.from([0x00, 0x01, 0x02, 0xff]), "neither a CSV nor an XLSX"],
  ])("%s is an error for the whole file (the last good catalog stays)", async (_name, input, message) => {
    await expect(parseSpreadsheet(input)).rejects.toThrow(SpreadsheetError);
    await expect(parseSpreadsheet(input)).rejects.toThrow(message);
  });
});

describe("extended catalog spreadsheet: XLSX", () => {
  it("reads numbers, a percent-formatted RTP column, other header spellings and reports bad rows", async () => {
    const file = await xlsx(
      [
        ["Game ID", "Studio", "RTP, %", "Features", "Icon 287x193", "Jackpot"],
        [11, "Lucky Forge", 0.9612, "wilds; free spins", "https://cdn.example/287x193/c.jpg", "yes"],
        ["twelve", "Reelcraft", 0.95, null, null, null],
        [13, "Reelcraft", 0.955, null, null, null],
      ],
      { percentColumn: 3, titleRow: "Extended catalog" },
    );
    const r = await parseSpreadsheet(file);
    expect(r.rows).toEqual([
      {
        id: 11,
        provider: "Lucky Forge",
        rtp: "96.12",
        features: ["wilds", "free spins"],
        icon287: "https://cdn.example/287x193/c.jpg",
        extra: { Jackpot: "yes" },
      },
      { id: 13, provider: "Reelcraft", rtp: "95.50", features: [], extra: {} },
    ]);
    expect(r.problems).toEqual([{ row: 4, reason: 'game ID "twelve" is not a positive whole number' }]);
  });

  it("plain numbers as RTP (96.5 typed into a cell)", async () => {
    const r = await parseSpreadsheet(
      await xlsx([
        ["ID", "RTP"],
        [2, 96.5],
      ]),
    );
    expect(r.rows[0]?.rtp).toBe("96.50");
  });

  it("an XLSX with no ID column is an error", async () => {
    await expect(parseSpreadsheet(await xlsx([["Name"], ["A"]]))).rejects.toThrow("No game ID column found");
  });

  it("an empty workbook is an error", async () => {
    await expect(parseSpreadsheet(await xlsx([]))).rejects.toThrow(SpreadsheetError);
  });
});

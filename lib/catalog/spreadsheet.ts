import { parse } from "csv-parse/sync";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";

/**
 * The provider's extended catalog as a person keeps it in a spreadsheet (the provider publishes a
 * Google Sheet; operators may also upload a CSV or XLSX file). Columns are found by name, whatever
 * their order, case, spacing or punctuation ("Game ID", "game_id", "RTP, %"); unknown columns are
 * kept as extra attributes. A bad row is reported with its row number and skipped; only a file
 * that cannot be a catalog at all (empty, no game ID column, not CSV/XLSX) is an error.
 * Parsing is done by csv-parse and exceljs; this module only maps cells to fields.
 */
export interface ExtendedRow {
  id: number;
  title?: string;
  provider?: string;
  /** RTP in percent, two decimals ("96.50"); display only, never money. */
  rtp?: string;
  volatility?: string;
  features: string[];
  /** As written in the sheet: an absolute URL or a path on the provider's host. */
  icon206?: string;
  icon287?: string;
  /** Columns we do not know, by their header as written. */
  extra: Record<string, string>;
}

export interface RowProblem {
  /** The row number a person sees in the spreadsheet (the header row is 1 when it is the first). */
  row: number;
  reason: string;
}

export interface SheetResult {
  rows: ExtendedRow[];
  problems: RowProblem[];
  /** Which header became which field, for the back office ("Studio" → provider). */
  columns: { header: string; field: Field | "extra" }[];
}

export class SpreadsheetError extends Error {
  override name = "SpreadsheetError";
}

type Field = "id" | "title" | "provider" | "rtp" | "volatility" | "features" | "icon206" | "icon287";

/** Lower case, letters and digits only: "RTP, %" → "rtp", "Game ID" → "gameid", "Icon 206x206" → "icon206x206". */
export const normalizeHeader = (h: string): string =>
  h
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

const SYNONYMS: Record<Exclude<Field, "icon206" | "icon287">, string[]> = {
  id: ["id", "gameid", "gameno", "gamenumber", "gamecode", "idgame"],
  title: ["title", "name", "gamename", "gametitle", "game"],
  provider: ["provider", "studio", "gameprovider", "studioname", "providername", "developer", "vendor", "brand"],
  rtp: ["rtp", "rtppercent", "rtpinpercent", "returntoplayer", "payout", "rtpvalue"],
  volatility: ["volatility", "variance", "volatilitylevel", "risk"],
  features: ["features", "feature", "gamefeatures", "bonusfeatures", "specialfeatures", "tags"],
};

function fieldFor(header: string): Field | null {
  const n = normalizeHeader(header);
  if (!n) return null;
  if (n.includes("206x206") || (n.includes("206") && /icon|image|img|picture|thumb/.test(n))) return "icon206";
  if (n.includes("287x193") || (n.includes("287") && /icon|image|img|picture|thumb|banner/.test(n))) return "icon287";
  for (const [field, names] of Object.entries(SYNONYMS) as [Field, string[]][]) if (names.includes(n)) return field;
  return null;
}

/** The header row is the first of the first ten rows that has a game ID column (a sheet may start with a title row). */
function findHeader(rows: string[][]): { index: number; fields: (Field | null)[] } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const fields = (rows[i] ?? []).map(fieldFor);
    if (fields.includes("id")) return { index: i, fields };
  }
  const names = ["ID", "Game ID", "game_id"].join(", ");
  throw new SpreadsheetError(`No game ID column found (looked for a header such as ${names} in the first rows).`);
}

const cleanText = (s: string): string => s.replace(/\p{Cc}/gu, " ").trim();

/** "96.5", "96,5", "96.5%", " 96,50 % " → "96.50"; a fraction from a percent-formatted cell (0.965) → "96.50". */
export function parseRtp(text: string, percentCell = false): string | null {
  const t = text.replace(/\s+/g, "").replace(/%$/, "").replace(",", ".");
  if (!/^\d{1,3}(\.\d+)?$/.test(t)) return null;
  let d = new Decimal(t);
  if (percentCell) d = d.times(100);
  if (d.lte(0) || d.gt(100)) return null;
  return d.toFixed(2);
}

export const splitFeatures = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,;|\n]+/)
      .map((f) => cleanText(f))
      .filter((f) => f.length > 0 && f.length <= 60),
  ),
];

const isLink = (s: string): boolean => /^https?:\/\/[^\s"'<>]+$/i.test(s) || /^\/[^\s"'<>]*$/.test(s);

interface Cell {
  text: string;
  /** The cell is formatted as a percentage (XLSX): its number is a fraction. */
  percent?: boolean;
}

function toRows(cells: Cell[][], rowNumberOf: (i: number) => number): SheetResult {
  const texts = cells.map((r) => r.map((c) => c.text));
  const { index, fields } = findHeader(texts);
  const headers = (texts[index] ?? []).map(cleanText);
  const columns = headers.map((header, i) => ({ header, field: fields[i] ?? ("extra" as const) })).filter((c) => c.header !== "");
  const rows: ExtendedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<number, number>();
  for (let r = index + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const rowNumber = rowNumberOf(r);
    if (row.every((c) => cleanText(c.text) === "")) continue; // blank line: not a problem
    const out: ExtendedRow = { id: 0, features: [], extra: {} };
    let problem: string | null = null;
    row.forEach((cell, i) => {
      if (problem) return;
      const field = fields[i] ?? null;
      const text = cleanText(cell.text);
      if (text === "") return;
      switch (field) {
        case "id": {
          const t = text.replace(/\.0+$/, "");
          if (!/^\d{1,9}$/.test(t) || Number(t) <= 0) problem = `game ID "${text.slice(0, 40)}" is not a positive whole number`;
          else out.id = Number(t);
          return;
        }
        case "rtp": {
          const rtp = parseRtp(text, cell.percent);
          if (rtp === null) problem = `RTP "${text.slice(0, 40)}" is not a percentage between 0 and 100`;
          else out.rtp = rtp;
          return;
        }
        case "features":
          out.features = splitFeatures(text);
          return;
        case "icon206":
        case "icon287":
          if (!isLink(text)) problem = `${headers[i]} "${text.slice(0, 60)}" is not a link`;
          else out[field] = text;
          return;
        case "title":
        case "provider":
        case "volatility":
          out[field] = text.slice(0, 200);
          return;
        default:
          if (headers[i]) out.extra[headers[i]] = text.slice(0, 500);
      }
    });
    if (!problem && out.id === 0) problem = "no game ID";
    if (!problem && seen.has(out.id)) problem = `game ID ${out.id} already appears in row ${seen.get(out.id)}`;
    if (problem) {
      problems.push({ row: rowNumber, reason: problem });
      continue;
    }
    seen.set(out.id, rowNumber);
    rows.push(out);
  }
  return { rows, problems, columns };
}

/** The separator of the header line: comma (Google Sheets' export), semicolon (a European Excel) or tab. */
function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function parseCsv(input: string | Buffer): SheetResult {
  const text = typeof input === "string" ? input : input.toString("utf8");
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new SpreadsheetError("The file is empty.");
  if (/^\s*<(!doctype|html)/i.test(text.replace(/^\uFEFF/, "")))
    throw new SpreadsheetError("This is a web page, not a CSV export (is the spreadsheet published or shared?).");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new SpreadsheetError(`The CSV could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return toRows(
    records.map((r) => r.record.map((text) => ({ text }))),
    (i) => records[i]?.info.lines ?? i + 1,
  );
}

function cellText(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  const percent = typeof cell.numFmt === "string" && cell.numFmt.includes("%");
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") return { text: String(v), percent };
  if (typeof v === "string" || typeof v === "boolean") return { text: String(v) };
  if (v instanceof Date) return { text: v.toISOString() };
  if (typeof v === "object") {
    if ("hyperlink" in v && typeof v.hyperlink === "string") return { text: v.hyperlink };
    if ("richText" in v && Array.isArray(v.richText)) return { text: v.richText.map((p) => p.text).join("") };
    if ("result" in v) return v.result === undefined || v.result === null ? { text: "" } : { text: String(v.result), percent };
    if ("text" in v && typeof v.text === "string") return { text: v.text };
  }
  return { text: cell.text ?? "" };
}

export async function parseXlsx(input: Buffer): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input as unknown as ArrayBuffer);
  } catch (err) {
    throw new SpreadsheetError(`The XLSX file could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let firstError: SpreadsheetError | null = null;
  // The first sheet that has a game ID column.
  for (const sheet of workbook.worksheets) {
    const cells: Cell[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const line: Cell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) line.push(cellText(row.getCell(c)));
      cells.push(line);
      numbers.push(rowNumber);
    });
    if (cells.length === 0) continue;
    try {
      return toRows(cells, (i) => numbers[i] ?? i + 1);
    } catch (err) {
      if (err instanceof SpreadsheetError) firstError ??= err;
      else throw err;
    }
  }
  throw firstError ?? new SpreadsheetError("The file is empty.");
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** CSV or XLSX, decided by the content (an XLSX file is a zip), not by the name or content type. */
export async function parseSpreadsheet(input: Buffer): Promise<SheetResult> {
  if (input.length === 0) throw new SpreadsheetError("The file is empty.");
  if (isZip(input)) return parseXlsx(input);
  if (input.includes(0)) throw new SpreadsheetError("This is neither a CSV nor an XLSX file.");
  return parseCsv(input);
}

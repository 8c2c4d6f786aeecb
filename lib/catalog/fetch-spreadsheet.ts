/** A spreadsheet a person points us at; more than this is not a game catalog. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Google's "edit" link of a sheet, pasted as is, becomes its CSV export link; any other URL
 * (a published `…/pub?output=csv`, an `…/export?format=csv|xlsx`, any CSV/XLSX on the web) is used as given.
 */
export function exportUrl(url: string): string {
  const m = /^(https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+)\/(?:edit|view)[^#]*(?:#gid=(\d+))?/.exec(url);
  if (!m) return url;
  return `${m[1]}/export?format=csv${m[2] ? `&gid=${m[2]}` : ""}`;
}

/** GET the spreadsheet (following redirects, as Google's export does), with a timeout and a size cap. */
export async function fetchSpreadsheet(url: string, timeoutMs = 10_000): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(exportUrl(url), { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(`spreadsheet: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) throw new Error(`spreadsheet: HTTP ${res.status}`);
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new Error(`spreadsheet: ${length} bytes is more than the ${MAX_BYTES} allowed`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_BYTES) throw new Error(`spreadsheet: more than ${MAX_BYTES} bytes`);
  return body;
}

import { recordAudit } from "@/lib/admin/audit";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProviderGame } from "@/lib/webgames/client";
import type { CatalogGame } from "./compact";
import { type LobbyControlRow, mergeCatalog } from "./merge";
import { type ExtendedRow, parseSpreadsheet, type RowProblem, SpreadsheetError } from "./spreadsheet";

/**
 * Where the catalog comes from, and the last good copy of each source in PostgreSQL, shared by
 * every instance and kept across restarts:
 *  - `catalog_snapshots` ('web_slot'): the provider's GetListGames;
 *  - `extended_catalogs` ('url'): the spreadsheet at WEBGAMES_EXTENDED_CATALOG_URL;
 *  - `extended_catalogs` ('upload'): a CSV/XLSX file an admin uploaded;
 *  - `lobby_controls`: the operator's hide / badges / featured / pin per game.
 * A failed fetch or a bad file never replaces a good copy; it only records the error (the admins'
 * "stale" notice). A source is fetched again when its last attempt is older than the TTL, so a
 * dead provider is not hammered and several instances share one refresh per TTL.
 * No Next.js here: lib/catalog/index.ts caches `loadCatalog` with 'use cache'.
 */
export interface SourceDeps {
  type: string;
  /** WEBGAMES_ICON_ORIGINS: icon hosts the CSP allows besides the provider's. */
  iconOrigins?: readonly string[];
  fetchGameList: () => Promise<ProviderGame[]>;
  /** WEBGAMES_EXTENDED_CATALOG_URL; null = no published spreadsheet. */
  sheetUrl: string | null;
  fetchSheet: (url: string) => Promise<Buffer>;
  /** Resolves icon paths in the spreadsheet against the provider's host. */
  apiUrl: string;
  ttlMs: number;
  now?: () => Date;
  log?: (msg: string, err?: unknown) => void;
}

export interface SourceStatus {
  source: "provider" | "url" | "upload";
  origin: string;
  /** When the last good copy was loaded (null: none yet). */
  loadedAt: Date | null;
  rowCount: number;
  problems: RowProblem[];
  /** The last attempt failed after the last good copy. */
  stale: boolean;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface CatalogState {
  /** false: no catalog anywhere yet (first start with the provider down). */
  available: boolean;
  /** Every game the provider lists, merged and ordered; hidden ones included (the lobby filters). */
  games: CatalogGame[];
  fetchedAt: Date | null;
  stale: boolean;
  lastError: string | null;
  sources: SourceStatus[];
  /** Rows of the extended catalog for games GetListGames does not list (not shown). */
  unknownIds: number[];
  /** Icon hosts the CSP does not allow (neither the provider's nor in WEBGAMES_ICON_ORIGINS): their icons would not show. */
  blockedIconOrigins: string[];
}

const consoleLog = (msg: string, err?: unknown) =>
  console.error(JSON.stringify({ level: "warn", msg, err: err instanceof Error ? err.message : err }));

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);
const lastAttempt = (loaded: Date | null, failed: Date | null) => Math.max(loaded?.getTime() ?? 0, failed?.getTime() ?? 0);

async function refreshProvider(deps: SourceDeps, now: Date): Promise<void> {
  try {
    const games = await deps.fetchGameList();
    const json = games as unknown as Prisma.InputJsonValue;
    await prisma.catalogSnapshot.upsert({
      where: { type: deps.type },
      create: { type: deps.type, games: json, gameCount: games.length, fetchedAt: now },
      update: { games: json, gameCount: games.length, fetchedAt: now, updatedAt: now },
    });
  } catch (err) {
    (deps.log ?? consoleLog)("catalog: GetListGames failed; keeping the last good catalog", err);
    await prisma.catalogSnapshot.updateMany({ where: { type: deps.type }, data: { lastError: errorText(err), lastErrorAt: now } });
    throw err;
  }
}

async function saveExtended(
  source: "url" | "upload",
  origin: string,
  sheet: { rows: ExtendedRow[]; problems: RowProblem[] },
  now: Date,
  by: number | null,
  db: Pick<typeof prisma, "extendedCatalog"> = prisma,
) {
  const data = {
    rows: sheet.rows as unknown as Prisma.InputJsonValue,
    rowCount: sheet.rows.length,
    problems: sheet.problems.slice(0, 1000) as unknown as Prisma.InputJsonValue,
    origin,
    loadedAt: now,
    loadedBy: by,
    lastError: null,
    lastErrorAt: null,
    updatedAt: now,
  };
  await db.extendedCatalog.upsert({ where: { source }, create: { source, ...data }, update: data });
}

async function recordExtendedFailure(source: "url" | "upload", origin: string, err: unknown, now: Date) {
  // No good copy yet: an empty row carries the error, so the back office can show it.
  await prisma.extendedCatalog.upsert({
    where: { source },
    create: { source, rows: [], rowCount: 0, origin, loadedAt: new Date(0), lastError: errorText(err), lastErrorAt: now },
    update: { lastError: errorText(err), lastErrorAt: now, updatedAt: now },
  });
}

/** Parses a spreadsheet; a file with no usable row at all is refused like an unreadable one. */
async function parseUsable(file: Buffer) {
  const sheet = await parseSpreadsheet(file);
  if (sheet.rows.length === 0) {
    const first = sheet.problems[0];
    throw new SpreadsheetError(`No usable row (${sheet.problems.length} skipped${first ? `; row ${first.row}: ${first.reason}` : ""}).`);
  }
  return sheet;
}

async function refreshSheet(deps: SourceDeps, url: string, now: Date): Promise<void> {
  try {
    const sheet = await parseUsable(await deps.fetchSheet(url));
    await saveExtended("url", url, sheet, now, null);
    if (sheet.problems.length > 0) (deps.log ?? consoleLog)(`catalog: spreadsheet loaded, ${sheet.problems.length} bad row(s) skipped`);
  } catch (err) {
    (deps.log ?? consoleLog)("catalog: extended catalog spreadsheet failed; keeping the last good one", err);
    await recordExtendedFailure("url", url, err, now);
    throw err;
  }
}

/**
 * A staff member's upload: parsed, then stored as the 'upload' source (its rows win over the
 * published sheet's), with its audit row in the same transaction. A file that cannot be read, or
 * has no usable row, changes nothing and is thrown as a SpreadsheetError with a readable message.
 */
export async function saveUpload(file: Buffer, fileName: string, staffId: number, ip: string | null = null, now = new Date()) {
  const sheet = await parseUsable(file);
  const name = fileName.slice(0, 200);
  await prisma.$transaction(async (tx) => {
    await saveExtended("upload", name, sheet, now, staffId, tx);
    await recordAudit(tx, {
      actorId: staffId,
      action: "catalog_changed",
      details: { kind: "upload", file: name, rows: sheet.rows.length, skipped: sheet.problems.length },
      ip,
    });
  });
  return sheet;
}

export async function removeUpload(staffId: number, ip: string | null = null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.extendedCatalog.deleteMany({ where: { source: "upload" } });
    if (count > 0) await recordAudit(tx, { actorId: staffId, action: "catalog_changed", details: { kind: "upload_removed" }, ip });
  });
}

/**
 * Fetches the sources that are due (or all, with force) and saves the good ones. Failures are
 * recorded, never thrown: the caller reads what is stored afterwards.
 */
export async function refreshSources(deps: SourceDeps, opts: { force?: boolean } = {}): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const [basic, sheet] = await Promise.all([
    prisma.catalogSnapshot.findUnique({ where: { type: deps.type }, select: { fetchedAt: true, lastErrorAt: true } }),
    prisma.extendedCatalog.findUnique({ where: { source: "url" }, select: { loadedAt: true, lastErrorAt: true, origin: true } }),
  ]);
  const due = (last: number) => opts.force || now.getTime() - last >= deps.ttlMs;
  const work: Promise<void>[] = [];
  if (!basic || due(lastAttempt(basic.fetchedAt, basic.lastErrorAt))) work.push(refreshProvider(deps, now));
  // A newly configured URL is fetched at once, then (if it fails) on the TTL like any other.
  const urlChanged = sheet !== null && sheet.origin !== deps.sheetUrl && !(sheet.lastErrorAt && sheet.lastErrorAt > sheet.loadedAt);
  if (deps.sheetUrl && (!sheet || urlChanged || due(lastAttempt(sheet.loadedAt, sheet.lastErrorAt)))) {
    work.push(refreshSheet(deps, deps.sheetUrl, now));
  }
  await Promise.allSettled(work);
}

const controlSelect = { gameId: true, hidden: true, badgeNew: true, badgeHot: true, featured: true, pin: true } as const;

/** The merged catalog from what PostgreSQL holds (no provider call). */
export async function readCatalog(
  deps: Pick<SourceDeps, "type" | "apiUrl" | "sheetUrl"> & { iconOrigins?: readonly string[] },
): Promise<CatalogState> {
  const [basic, extended, controls] = await Promise.all([
    prisma.catalogSnapshot.findUnique({ where: { type: deps.type } }),
    prisma.extendedCatalog.findMany(),
    prisma.lobbyControl.findMany({ select: controlSelect }),
  ]);
  // The last good copy, even if it came from a URL configured before this one.
  const url = extended.find((e) => e.source === "url");
  const upload = extended.find((e) => e.source === "upload");
  const games = (basic?.games ?? []) as unknown as ProviderGame[];
  const rowsOf = (e: typeof url) => (e ? (e.rows as unknown as ExtendedRow[]) : []);
  const merged = mergeCatalog({
    games,
    sheet: rowsOf(url),
    upload: rowsOf(upload),
    controls: controls as LobbyControlRow[],
    apiUrl: deps.apiUrl,
  });
  const listed = new Set(games.map((g) => g.id));
  const unknownIds = [...new Set([...rowsOf(url), ...rowsOf(upload)].map((r) => r.id).filter((id) => !listed.has(id)))].sort(
    (a, b) => a - b,
  );

  const allowed = new Set([new URL(deps.apiUrl).origin, ...(deps.iconOrigins ?? [])]);
  const blockedIconOrigins = new Set<string>();
  for (const g of merged) {
    for (const icon of [g.icon, g.wideIcon]) {
      if (!icon) continue;
      const origin = new URL(icon).origin;
      if (!allowed.has(origin)) blockedIconOrigins.add(origin);
    }
  }
  const stale = basic !== null && basic.lastErrorAt !== null && basic.lastErrorAt > basic.fetchedAt;
  const status = (source: "url" | "upload", e: typeof url): SourceStatus => ({
    source,
    origin: e?.origin ?? (source === "url" ? (deps.sheetUrl ?? "") : ""),
    loadedAt: e && e.loadedAt.getTime() > 0 ? e.loadedAt : null,
    rowCount: e?.rowCount ?? 0,
    problems: (e?.problems ?? []) as unknown as RowProblem[],
    stale: Boolean(e?.lastErrorAt && e.lastErrorAt > e.loadedAt),
    lastError: e?.lastError ?? null,
    lastErrorAt: e?.lastErrorAt ?? null,
  });
  const sources: SourceStatus[] = [
    {
      source: "provider",
      origin: "GetListGames",
      loadedAt: basic?.fetchedAt ?? null,
      rowCount: basic?.gameCount ?? 0,
      problems: [],
      stale,
      lastError: basic?.lastError ?? null,
      lastErrorAt: basic?.lastErrorAt ?? null,
    },
  ];
  if (deps.sheetUrl || url) sources.push(status("url", url));
  if (upload) sources.push(status("upload", upload));
  return {
    available: basic !== null,
    games: merged,
    fetchedAt: basic?.fetchedAt ?? null,
    stale,
    lastError: stale ? (basic?.lastError ?? null) : null,
    sources,
    unknownIds,
    blockedIconOrigins: [...blockedIconOrigins].sort(),
  };
}

/**
 * For the admins' notice: whether the provider's list or the spreadsheet failed after its last
 * good copy, straight from PostgreSQL (shared by every instance, never cached).
 */
export async function catalogHealth(type: string): Promise<{ fetchedAt: Date | null; stale: boolean; error: string | null }> {
  const [basic, sheet] = await Promise.all([
    prisma.catalogSnapshot.findUnique({ where: { type }, select: { fetchedAt: true, lastError: true, lastErrorAt: true } }),
    prisma.extendedCatalog.findUnique({ where: { source: "url" }, select: { loadedAt: true, lastError: true, lastErrorAt: true } }),
  ]);
  const failing = (r: { lastErrorAt: Date | null } | null, good: Date | undefined) =>
    Boolean(r?.lastErrorAt && good && r.lastErrorAt > good);
  const providerFailing = failing(basic, basic?.fetchedAt);
  const sheetFailing = failing(sheet, sheet?.loadedAt);
  const error = [providerFailing ? basic?.lastError : null, sheetFailing ? `extended catalog: ${sheet?.lastError}` : null]
    .filter(Boolean)
    .join("; ");
  return { fetchedAt: basic?.fetchedAt ?? null, stale: providerFailing || sheetFailing, error: error || (basic?.lastError ?? null) };
}

/** Refresh what is due, then read: the body of the cached catalog. */
export async function loadCatalog(deps: SourceDeps, opts: { force?: boolean } = {}): Promise<CatalogState> {
  await refreshSources(deps, opts).catch((err: unknown) => (deps.log ?? consoleLog)("catalog: refresh failed", err));
  return readCatalog(deps);
}

import "server-only";
import { createHash } from "node:crypto";
import { cacheLife, cacheTag } from "next/cache";
import { inTransaction, recordAudit } from "@/lib/admin/audit";
import { assertCan, type Viewer } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import { env } from "@/lib/env";
import { facets, sortGames } from "@/lib/lobby/query";
import { metrics } from "@/lib/ops/metrics";
import { fetchGameList, GAME_TYPE, providerConfig } from "@/lib/webgames/client";
import { type CompactGame, toCompact } from "./compact";
import { fetchSpreadsheet } from "./fetch-spreadsheet";
import { type CatalogState, loadCatalog, readCatalog, type SourceDeps } from "./sources";

/**
 * The catalog cache: ONE mechanism, Next's 'use cache' (in-memory per instance, shared by every
 * route), tagged `catalog`, over the last good copies in PostgreSQL (lib/catalog/sources.ts).
 *  - Every 60 s (cacheLife revalidate) an instance re-reads PostgreSQL in the background while it
 *    keeps serving the entry it has (stale-while-revalidate): changes made on another instance
 *    show within a minute; readers never wait.
 *  - While re-reading, a source older than CATALOG_TTL_MS (GetListGames, the spreadsheet URL) is
 *    fetched again; a failure keeps the last good copy and flags it stale.
 *  - On a change (an admin's lobby control, upload or reload) the tag is invalidated, so this
 *    instance's next read is fresh and the static lobby HTML regenerates.
 * Only an instance's very first read waits: for PostgreSQL, and for the provider when the stored
 * copy is older than the TTL (bounded by the request timeouts, 5 s and 10 s).
 */
export const CATALOG_TAG = "catalog";
/** The provider's catalog changes rarely; admins can force a reload. */
export const CATALOG_TTL_MS = 5 * 60 * 1000;

const deps = (): SourceDeps => ({
  type: GAME_TYPE,
  fetchGameList: async () => {
    try {
      const games = await fetchGameList(providerConfig());
      metrics.catalogRefreshes.inc({ result: "ok" });
      return games;
    } catch (err) {
      metrics.catalogRefreshes.inc({ result: "failed" });
      throw err;
    }
  },
  sheetUrl: env.WEBGAMES_EXTENDED_CATALOG_URL ?? null,
  fetchSheet: fetchSpreadsheet,
  apiUrl: env.WEBGAMES_API_URL,
  iconOrigins: env.WEBGAMES_ICON_ORIGINS,
  ttlMs: CATALOG_TTL_MS,
});

export type { CatalogState };

/** Everything the provider lists, merged with the extended catalog and the lobby controls (hidden games included). */
export async function getCatalog(): Promise<CatalogState> {
  "use cache";
  cacheTag(CATALOG_TAG);
  // Never throws (an error inside a cache fill fails the static lobby's prerender even if caught
  // outside): no database (e.g. at build time) is "no catalog yet".
  const state = await loadCatalog(deps()).catch((err: unknown) => unavailable(err));
  // No catalog anywhere yet (first start, provider down): try again soon rather than in a minute.
  cacheLife(state.available ? { stale: 30, revalidate: 60, expire: 365 * 24 * 3600 } : { stale: 0, revalidate: 5, expire: 300 });
  return state;
}

function unavailable(err: unknown): CatalogState {
  const message = err instanceof Error ? err.message : String(err);
  const source = { source: "provider" as const, origin: "GetListGames", loadedAt: null, rowCount: 0, problems: [], stale: true };
  return {
    available: false,
    games: [],
    fetchedAt: null,
    stale: true,
    lastError: message,
    sources: [{ ...source, lastError: message, lastErrorAt: new Date() }],
    unknownIds: [],
    blockedIconOrigins: [],
  };
}

/** The back office: what PostgreSQL holds right now, uncached (no provider call). */
export function readCatalogNow(viewer: Viewer): Promise<CatalogState> {
  assertCan(viewer, "catalog.manage");
  return readCatalog(deps());
}

/** Staff: fetch every source now (outside the cache), then the caller invalidates CATALOG_TAG. */
export function reloadCatalogSources(): Promise<CatalogState> {
  return loadCatalog(deps(), { force: true });
}

/** The back office's "Reload now". */
export async function reloadCatalogAs(viewer: Viewer, ctx: ActionContext = {}): Promise<ActionState> {
  const staff = assertCan(viewer, "catalog.manage");
  const state = await reloadCatalogSources();
  const failed = state.sources.filter((s) => s.stale);
  const details = { kind: "reload", games: state.games.length, failed: failed.map((s) => s.source) };
  await inTransaction((tx) => recordAudit(tx, { actorId: staff.id, action: "catalog_changed", details, ip: ctx.ip ?? null }));
  return {
    status: "ok",
    message:
      failed.length === 0
        ? `Reloaded: ${state.games.length} games.`
        : `Reloaded with errors (${failed.map((s) => `${s.source}: ${s.lastError}`).join("; ")}); the last good copies stay.`,
  };
}

/** Tiles in the static HTML: the first screen on a wide display; the rest renders client-side. */
export const FIRST_PAGE = 24;

export interface LobbyCatalog {
  available: boolean;
  /** Content hash of `json`: the client fetches /api/catalog?v=<version>, immutable per version. */
  version: string;
  /** The compact catalog of the visible games, as the JSON /api/catalog answers (a string: cheap to cache). */
  json: string;
  catalogSize: number;
  firstPage: CompactGame[];
  featured: CompactGame[];
  categories: { name: string; count: number }[];
  providers: { name: string; count: number }[];
}

/** What the lobby shows: visible games only, in lobby order, derived once per catalog change. */
export async function getLobbyCatalog(): Promise<LobbyCatalog> {
  "use cache";
  cacheTag(CATALOG_TAG);
  const state = await getCatalog();
  cacheLife(state.available ? { stale: 30, revalidate: 60, expire: 365 * 24 * 3600 } : { stale: 0, revalidate: 5, expire: 300 });
  const games = state.games.filter((g) => !g.hidden).map(toCompact);
  const body = JSON.stringify(games);
  const version = createHash("sha256").update(body).digest("base64url").slice(0, 12);
  return {
    available: state.available,
    version,
    json: `{"version":"${version}","games":${body}}`,
    catalogSize: games.length,
    firstPage: sortGames(games, "popular").slice(0, FIRST_PAGE),
    featured: games.filter((g) => g.featured),
    categories: facets(games, "category"),
    providers: facets(games, "provider"),
  };
}

import "server-only";
import { metrics } from "@/lib/ops/metrics";
import { type CatalogGame, fetchCatalog, GAME_TYPE, providerConfig } from "@/lib/webgames/client";
import { CatalogCache, type CatalogSnapshot } from "./catalog-cache";
import { type CompactGame, toCompact } from "./compact";
import { httpGet } from "./http-get";
import { dbSnapshotStore } from "./snapshot-store";

export { type CatalogSnapshot, CatalogUnavailableError } from "./catalog-cache";

/** Five minutes: the provider's catalog changes rarely; admins can force a reload. */
export const CATALOG_TTL_MS = 5 * 60 * 1000;

const globalForCatalog = globalThis as unknown as { catalogCache?: CatalogCache };
globalForCatalog.catalogCache ??= new CatalogCache({
  fetchCatalog: async () => {
    try {
      const games = await fetchCatalog({ ...providerConfig(), transport: httpGet });
      metrics.catalogRefreshes.inc({ result: "ok" });
      return games;
    } catch (err) {
      metrics.catalogRefreshes.inc({ result: "failed" });
      throw err;
    }
  },
  store: dbSnapshotStore(GAME_TYPE),
  ttlMs: CATALOG_TTL_MS,
});
const cache = globalForCatalog.catalogCache;

/** The cached catalog; never calls the provider while any good copy exists (see CatalogCache). */
export function getCatalog(): Promise<CatalogSnapshot> {
  return cache.get();
}

/** Admins: reload from the provider now (revalidation). Keeps the old copy if the provider fails. */
export function revalidateCatalog(): Promise<CatalogSnapshot> {
  return cache.refresh();
}

export async function findGame(id: number): Promise<CatalogGame | null> {
  const { games } = await getCatalog();
  return games.find((g) => g.id === id) ?? null;
}

// The compact payload is derived once per catalog copy, not per request.
let compactFor: { source: CatalogGame[]; games: CompactGame[]; version: string } | null = null;

export async function getCompactCatalog(): Promise<{ games: CompactGame[]; version: string; snapshot: CatalogSnapshot }> {
  const snapshot = await getCatalog();
  if (compactFor?.source !== snapshot.games) {
    compactFor = { source: snapshot.games, games: snapshot.games.map(toCompact), version: snapshot.fetchedAt.getTime().toString(36) };
  }
  return { games: compactFor.games, version: compactFor.version, snapshot };
}

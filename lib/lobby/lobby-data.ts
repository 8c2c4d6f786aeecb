import "server-only";
import type { SessionPlayer } from "@/lib/auth/guards";
import { CatalogUnavailableError, getCompactCatalog } from "@/lib/catalog";
import type { CompactGame } from "@/lib/catalog/compact";
import { facets, matchesFilters, simpleSearch, sortGames, type Facet, type LobbyQuery } from "./query";
import { favoriteGameIds, recentGameIds } from "./player-lists";

export const FIRST_PAGE = 48;

export interface LobbyData {
  version: string;
  catalogSize: number;
  initialResults: CompactGame[];
  initialTotal: number;
  categories: Facet[];
  providers: Facet[];
  favorites: CompactGame[];
  recent: CompactGame[];
  stale: { fetchedAt: Date; error: string | null } | null;
}

// Facets depend only on the catalog copy: computed once per copy.
let facetCache: { source: CompactGame[]; categories: Facet[]; providers: Facet[]; byId: Map<number, CompactGame> } | null = null;

/** Everything the lobby's first render needs; null when no catalog exists at all yet. */
export async function lobbyData(query: LobbyQuery, player: SessionPlayer | null): Promise<LobbyData | null> {
  let catalog;
  try {
    catalog = await getCompactCatalog();
  } catch (err) {
    if (err instanceof CatalogUnavailableError) return null;
    throw err;
  }
  const { games, version, snapshot } = catalog;
  if (facetCache?.source !== games) {
    facetCache = { source: games, categories: facets(games, "category"), providers: facets(games, "provider"), byId: new Map(games.map((g) => [g.id, g])) };
  }
  const { byId } = facetCache;
  const searched = query.q ? simpleSearch(games, query.q) : games;
  const filtered = searched.filter((g) => matchesFilters(g, query));
  const results = sortGames(filtered, query.sort);
  const [favIds, recentIds] = player ? await Promise.all([favoriteGameIds(player.id), recentGameIds(player.id)]) : [[], []];
  const pick = (ids: number[]) => ids.map((id) => byId.get(id)).filter((g): g is CompactGame => Boolean(g));
  return {
    version,
    catalogSize: games.length,
    initialResults: results.slice(0, FIRST_PAGE),
    initialTotal: results.length,
    categories: facetCache.categories,
    providers: facetCache.providers,
    favorites: pick(favIds),
    recent: pick(recentIds),
    stale: player?.role === "admin" && snapshot.stale ? { fetchedAt: snapshot.fetchedAt, error: snapshot.lastError } : null,
  };
}

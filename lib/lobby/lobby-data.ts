import "server-only";
import { CatalogUnavailableError, getCompactCatalog } from "@/lib/catalog";
import type { CompactGame } from "@/lib/catalog/compact";
import { type Facet, facets, sortGames } from "./query";

/** Tiles in the static HTML: the first screen on a wide display; the rest renders client-side. */
export const FIRST_PAGE = 24;

export interface LobbyData {
  version: string;
  catalogSize: number;
  initialResults: CompactGame[];
  categories: Facet[];
  providers: Facet[];
}

// Derived once per catalog copy.
let derived: { source: CompactGame[]; data: LobbyData } | null = null;

/**
 * The visitor-independent part of the lobby (static HTML, regenerated in the background): the
 * popular first page and the facets. null when no catalog exists anywhere yet (e.g. at build time).
 */
export async function lobbyData(): Promise<LobbyData | null> {
  let catalog: Awaited<ReturnType<typeof getCompactCatalog>>;
  try {
    catalog = await getCompactCatalog();
  } catch (err) {
    if (err instanceof CatalogUnavailableError) return null;
    throw err;
  }
  const { games, version } = catalog;
  if (derived?.source !== games) {
    derived = {
      source: games,
      data: {
        version,
        catalogSize: games.length,
        initialResults: sortGames(games, "popular").slice(0, FIRST_PAGE),
        categories: facets(games, "category"),
        providers: facets(games, "provider"),
      },
    };
  }
  return derived.data;
}

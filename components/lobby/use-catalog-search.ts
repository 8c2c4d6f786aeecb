"use client";

import type Fuse from "fuse.js";
import { useEffect, useMemo, useState } from "react";
import useSWR from "swr";
import type { CompactGame } from "@/lib/catalog/compact";
import { type LobbyQuery, matchesFilters, simpleSearch, sortGames } from "@/lib/lobby/query";

const fetchJson = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`catalog: HTTP ${res.status}`);
  return (await res.json()) as { version: string; games: CompactGame[] };
};

/**
 * The full compact catalog (fetched once per catalog version, cacheable) and a typo-tolerant
 * search over it. fuse.js is loaded on demand so it is not part of the lobby's first-load JS.
 */
export function useCatalogSearch(version: string, query: LobbyQuery, enabled = true) {
  // A null key until the lobby wants the catalog (see useCatalogWanted in lobby.tsx).
  const { data, error } = useSWR(enabled ? `/api/catalog?v=${encodeURIComponent(version)}` : null, fetchJson, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
  });
  const games = data?.games ?? null;
  const [fuse, setFuse] = useState<Fuse<CompactGame> | null>(null);

  useEffect(() => {
    if (!games) return;
    let cancelled = false;
    void import("fuse.js").then(({ default: FuseCtor }) => {
      if (cancelled) return;
      setFuse(
        new FuseCtor(games, {
          keys: [
            { name: "title", weight: 0.75 },
            { name: "category", weight: 0.1 },
            { name: "provider", weight: 0.1 },
            { name: "features", weight: 0.05 },
          ],
          threshold: 0.38,
          ignoreLocation: true,
        }),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [games]);

  const results = useMemo(() => {
    if (!games) return null;
    const q = query.q.trim();
    let list: CompactGame[];
    if (!q)
      list = sortGames(
        games.filter((g) => matchesFilters(g, query)),
        query.sort,
      );
    else {
      // Until fuse.js arrives, plain substring search keeps typing responsive.
      const hits = fuse ? fuse.search(q, { limit: 1000 }).map((r) => r.item) : simpleSearch(games, q);
      const filtered = hits.filter((g) => matchesFilters(g, query));
      list = query.sort === "popular" ? filtered : sortGames(filtered, query.sort);
    }
    return list;
  }, [games, fuse, query]);

  return { games, results, failed: Boolean(error) && !games };
}

"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { CompactGame } from "@/lib/catalog/compact";
import { toggleFavoriteAction } from "@/lib/lobby/actions";
import { lobbySearchString, SORT_LABELS, SORTS, type Facet, type LobbyQuery, type Sort } from "@/lib/lobby/query";
import { GameTile, GameTileSkeleton, GRID_CLASS } from "./game-tile";
import { useCatalogSearch } from "./use-catalog-search";

const PAGE = 48;

export interface LobbyProps {
  initialQuery: LobbyQuery;
  /** The first page for this URL, rendered on the server. */
  initialResults: CompactGame[];
  initialTotal: number;
  catalogSize: number;
  version: string;
  categories: Facet[];
  providers: Facet[];
  signedIn: boolean;
  favorites: CompactGame[];
  recent: CompactGame[];
}

export function Lobby(props: LobbyProps) {
  const [query, setQuery] = useState<LobbyQuery>(props.initialQuery);
  const deferredQuery = useDeferredValue(query);
  const { games, results } = useCatalogSearch(props.version, deferredQuery);
  const [visible, setVisible] = useState(PAGE);
  const [favoriteIds, setFavoriteIds] = useState(() => new Set(props.favorites.map((g) => g.id)));
  const [favError, setFavError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  // The URL mirrors the filters (deep links, back button) without a server round trip.
  useEffect(() => {
    const t = setTimeout(() => {
      const next = `${window.location.pathname}${lobbySearchString(query)}`;
      if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", next);
    }, 250);
    return () => clearTimeout(t);
  }, [query]);

  const update = useCallback((patch: Partial<LobbyQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setVisible(PAGE);
  }, []);

  const list = results ?? props.initialResults;
  const total = results ? results.length : props.initialTotal;
  const shown = list.slice(0, visible);
  const stillLoading = results === null && visible > props.initialResults.length && props.initialTotal > props.initialResults.length;

  // Progressive rendering: the next page is rendered when the sentinel nears the viewport.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible((v) => v + PAGE);
    }, { rootMargin: "800px" });
    io.observe(el);
    return () => io.disconnect();
  }, [shown.length, total]);

  const byId = useMemo(() => (games ? new Map(games.map((g) => [g.id, g])) : null), [games]);
  const favoriteGames = useMemo(() => {
    const known = new Map(props.favorites.map((g) => [g.id, g]));
    return [...favoriteIds].map((id) => known.get(id) ?? byId?.get(id)).filter((g): g is CompactGame => Boolean(g));
  }, [favoriteIds, props.favorites, byId]);

  // The latest set, for the toggle to decide add/remove without re-creating the callback.
  const favoriteRef = useRef(favoriteIds);
  favoriteRef.current = favoriteIds;
  const toggleFavorite = useCallback((id: number) => {
    setFavError(null);
    const nowFavorite = !favoriteRef.current.has(id);
    const apply = (add: boolean) =>
      setFavoriteIds((prev) => {
        const next = new Set(prev);
        if (add) next.add(id);
        else next.delete(id);
        return next;
      });
    apply(nowFavorite);
    startTransition(async () => {
      const r = await toggleFavoriteAction({ gameId: id, favorite: nowFavorite });
      if (!r.ok) {
        setFavError(r.error ?? "Could not save the favorite.");
        apply(!nowFavorite);
      }
    });
  }, []);

  const fav = (id: number) => (props.signedIn ? favoriteIds.has(id) : null);
  const filtersActive = query.q || query.category || query.provider;

  return (
    <div className="space-y-6">
      <section aria-labelledby="lobby-title" className="relative overflow-hidden rounded-2xl border border-surface-border bg-gradient-to-br from-brand/25 via-surface-raised to-surface-raised px-5 py-6 sm:px-8">
        <h1 id="lobby-title" className="text-2xl font-bold tracking-tight text-white sm:text-3xl">
          Slots lobby
        </h1>
        <p className="mt-1 text-sm text-zinc-300">
          {props.catalogSize.toLocaleString("en")} slots. Try any of them in demo mode, no account needed.
        </p>
        <div className="mt-5 flex flex-col gap-3 md:flex-row md:items-end">
          <div className="relative flex-1">
            <label htmlFor="lobby-search" className="sr-only">
              Search games
            </label>
            <span aria-hidden className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-zinc-400">
              ⌕
            </span>
            <input
              id="lobby-search"
              type="search"
              value={query.q}
              onChange={(e) => update({ q: e.target.value })}
              placeholder="Search games, classes, studios…"
              autoComplete="off"
              spellCheck={false}
              className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 pl-9 pr-3 text-sm text-white placeholder:text-zinc-500 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40"
            />
          </div>
          <div className="flex gap-3">
            <div className="flex-1 md:w-48">
              <label htmlFor="lobby-provider" className="mb-1 block text-xs text-zinc-400">
                Studio
              </label>
              <select id="lobby-provider" value={query.provider} onChange={(e) => update({ provider: e.target.value })} className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 px-3 text-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40">
                <option value="">All studios</option>
                {props.providers.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name} ({p.count})
                  </option>
                ))}
              </select>
            </div>
            <div className="flex-1 md:w-44">
              <label htmlFor="lobby-sort" className="mb-1 block text-xs text-zinc-400">
                Sort by
              </label>
              <select id="lobby-sort" value={query.sort} onChange={(e) => update({ sort: e.target.value as Sort })} className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 px-3 text-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40">
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {s === "popular" && query.q ? "Best match" : SORT_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
      </section>

      <nav aria-label="Game classes" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 pb-1">
          {[{ name: "", count: 0 }, ...props.categories].map((c) => {
            const active = query.category === c.name;
            return (
              <li key={c.name || "all"}>
                <button
                  type="button"
                  aria-pressed={active}
                  onClick={() => update({ category: c.name })}
                  className={`whitespace-nowrap rounded-full px-3.5 py-1.5 text-sm ring-1 ring-inset transition focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft ${active ? "bg-brand text-white ring-brand" : "bg-surface-raised text-zinc-300 ring-surface-border hover:text-white"}`}
                >
                  {c.name || "All games"}
                  {c.name ? <span className="ml-1.5 text-xs opacity-60">{c.count}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>

      {favError ? (
        <p role="alert" className="text-sm text-money-loss">
          {favError}
        </p>
      ) : null}

      {!filtersActive && props.recent.length > 0 ? <Rail title="Recently played" games={props.recent} fav={fav} onToggle={toggleFavorite} testId="recent-rail" /> : null}
      {!filtersActive && favoriteGames.length > 0 ? <Rail title="Your favorites" games={favoriteGames} fav={fav} onToggle={toggleFavorite} testId="favorites-rail" /> : null}

      <section aria-labelledby="all-games">
        <div className="mb-3 flex items-baseline justify-between gap-4">
          <h2 id="all-games" className="text-lg font-semibold text-white">
            {query.category || (query.q ? "Search results" : "All games")}
          </h2>
          <p role="status" aria-live="polite" data-testid="result-count" className="text-sm text-zinc-400">
            {total === 1 ? "1 game" : `${total.toLocaleString("en")} games`}
          </p>
        </div>
        {total === 0 ? (
          <div className="rounded-xl border border-dashed border-surface-border p-10 text-center text-zinc-400">
            <p>No games match your search.</p>
            <button type="button" onClick={() => update({ q: "", category: "", provider: "" })} className="mt-3 text-sm text-brand-soft underline underline-offset-4 hover:text-white">
              Clear filters
            </button>
          </div>
        ) : (
          <ul className={GRID_CLASS} data-testid="game-grid">
            {shown.map((g, i) => (
              <li key={g.id}>
                <GameTile game={g} favorite={fav(g.id)} onToggleFavorite={toggleFavorite} eager={i < 12} />
              </li>
            ))}
            {stillLoading ? Array.from({ length: 12 }, (_, i) => <li key={`s${i}`}><GameTileSkeleton /></li>) : null}
          </ul>
        )}
        {shown.length < total ? (
          <div ref={sentinel} className="mt-6 flex justify-center">
            <button type="button" onClick={() => setVisible((v) => v + PAGE)} className="rounded-lg px-4 py-2 text-sm text-zinc-300 ring-1 ring-surface-border hover:bg-surface-overlay focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft">
              Show more games
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function Rail({ title, games, fav, onToggle, testId }: { title: string; games: CompactGame[]; fav: (id: number) => boolean | null; onToggle: (id: number) => void; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h2 className="mb-3 text-lg font-semibold text-white">{title}</h2>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        {games.map((g) => (
          <li key={g.id} className="w-40 shrink-0 snap-start sm:w-44">
            <GameTile game={g} favorite={fav(g.id)} onToggleFavorite={onToggle} />
          </li>
        ))}
      </ul>
    </section>
  );
}

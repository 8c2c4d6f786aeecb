"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type ComponentType, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useSWRConfig } from "swr";
import { ME_KEY, useMe } from "@/components/layout/use-me";
import type { CompactGame } from "@/lib/catalog/compact";
import { toggleFavoriteAction } from "@/lib/lobby/actions";
import {
  type Facet,
  facets,
  type LobbyQuery,
  lobbySearchString,
  matchesFilters,
  parseLobbyQuery,
  SORTS,
  type Sort,
  simpleSearch,
} from "@/lib/lobby/query";
import { Badges, GameTile, GameTileSkeleton, GRID_CLASS } from "./game-tile";
import { SKELETON_TILE_IDS } from "./lobby-skeleton";
import { StaleCatalogBanner } from "./stale-banner";
import { useCatalogSearch } from "./use-catalog-search";

export interface LobbyProps {
  /** The popular first page, in the static HTML. */
  initialResults: CompactGame[];
  catalogSize: number;
  /** Catalog version ("" when the HTML was made without a catalog, e.g. at build time). */
  version: string;
  categories: Facet[];
  providers: Facet[];
  /** Games the operator marked Featured, in lobby order (the rail above the grid). */
  featured: CompactGame[];
}

type VirtualGridType = typeof import("./virtual-grid").VirtualGrid;
// Needed only once the full catalog has arrived: kept out of the lobby's first-load JS. Loaded
// together with the catalog, and swapped in only once both are here, so the static grid never
// gives way to an empty placeholder (that collapse was most of the lobby's layout shift).
let virtualGridModule: Promise<VirtualGridType> | null = null;
const loadVirtualGrid = () => {
  virtualGridModule ??= import("./virtual-grid").then((m) => m.VirtualGrid);
  return virtualGridModule;
};

const SORT_KEYS = { popular: "sortPopular", az: "sortAz", rtp: "sortRtp" } as const;

/**
 * Whether the lobby needs the full catalog yet. The static HTML already shows the popular first
 * page, so the catalog (a large JSON, a search index, the virtual grid) is fetched only when the
 * player does something (types, clicks, scrolls towards the end of the first page) or the view
 * needs it (a filtered deep link, the signed-in rails). Nothing runs on the main thread at load
 * that the first screen does not need: that is the lobby's total blocking time.
 */
function useCatalogWanted(needed: boolean, sentinel: React.RefObject<HTMLElement | null>): boolean {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (wanted) return;
    // A control already focused means the player acted while the page was still hydrating (this
    // effect runs after that), before the listeners below existed: that counts as an action too.
    if (needed || (document.activeElement && document.activeElement !== document.body)) {
      setWanted(true);
      return;
    }
    const want = () => setWanted(true);
    const events = ["pointerdown", "keydown", "focusin", "touchstart", "wheel"] as const;
    for (const e of events) window.addEventListener(e, want, { once: true, passive: true });
    // Scrolling near the end of the static page: load before the player reaches the skeletons.
    // (A jump past it, e.g. End, counts too: then it is above the viewport.)
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting || e.boundingClientRect.bottom < 0) && want(), {
      rootMargin: "0px 0px 600px 0px",
    });
    if (sentinel.current) io.observe(sentinel.current);
    return () => {
      for (const e of events) window.removeEventListener(e, want);
      io.disconnect();
    };
  }, [needed, wanted, sentinel]);
  return wanted;
}
// Needed only when a player opens a game's details: also out of the first-load JS.
const GameDetails = dynamic(() => import("./game-details").then((m) => m.GameDetails), { ssr: false });

const DEFAULT_QUERY: LobbyQuery = { q: "", category: "", provider: "", sort: "popular" };
const isDefault = (q: LobbyQuery) => !q.q && !q.category && !q.provider && q.sort === "popular";

export function Lobby(props: LobbyProps) {
  const t = useTranslations("lobby");
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  // The HTML is static: the URL's filters (?q=&class=&provider=&sort=) apply once hydrated.
  const [query, setQuery] = useState<LobbyQuery>(DEFAULT_QUERY);
  const [urlRead, setUrlRead] = useState(false);
  // The open details view (?game=<id>), a deep link like the filters.
  const [detailsId, setDetailsId] = useState<number | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setQuery(parseLobbyQuery(params));
    const game = Number(params.get("game"));
    if (Number.isInteger(game) && game > 0) setDetailsId(game);
    setUrlRead(true);
  }, []);
  const deferredQuery = useDeferredValue(query);
  const { data: me } = useMe();
  const sentinel = useRef<HTMLLIElement>(null);
  const wanted = useCatalogWanted(
    !isDefault(query) || detailsId !== null || Boolean(me?.favorites.length || me?.recent.length) || props.initialResults.length === 0,
    sentinel,
  );
  const { games, results, failed } = useCatalogSearch(props.version, deferredQuery, wanted);
  const [VirtualGrid, setVirtualGrid] = useState<{ C: ComponentType<Parameters<VirtualGridType>[0]> } | null>(null);
  useEffect(() => {
    if (wanted) void loadVirtualGrid().then((C) => setVirtualGrid({ C }));
  }, [wanted]);
  const { mutate } = useSWRConfig();
  const signedIn = Boolean(me?.player);
  const [localFavorites, setFavoriteIds] = useState<Set<number> | null>(null);
  const favoriteIds = useMemo(() => localFavorites ?? new Set(me?.favorites ?? []), [localFavorites, me?.favorites]);
  const [favError, setFavError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  // The URL mirrors the filters (deep links, back button) without a server round trip, a moment
  // after typing stops. A pending update is written at once when a link is clicked (capture
  // phase, before Next's router starts the navigation): written later, Next's router takes the
  // replaceState for a new state of this page and drops the navigation the player just asked for
  // (the "lost click"). Written first, the click wins and Back returns to these results.
  const pendingUrl = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!urlRead) return;
    const write = () => {
      pendingUrl.current = null;
      const search = lobbySearchString(query);
      const game = detailsId ? `${search ? "&" : "?"}game=${detailsId}` : "";
      const next = `${window.location.pathname}${search}${game}`;
      if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", next);
    };
    pendingUrl.current = write;
    const timer = setTimeout(write, 250);
    return () => {
      clearTimeout(timer);
      if (pendingUrl.current === write) pendingUrl.current = null;
    };
  }, [query, urlRead, detailsId]);
  useEffect(() => {
    const flush = (e: MouseEvent) => {
      if (pendingUrl.current && e.target instanceof Element && e.target.closest("a[href]")) pendingUrl.current();
    };
    document.addEventListener("click", flush, true);
    return () => document.removeEventListener("click", flush, true);
  }, []);

  // Keep the selected class chip in view (deep links to a class far along the rail).
  const rail = useRef<HTMLElement>(null);
  useEffect(() => {
    const chip = rail.current?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (rail.current && chip && query.category)
      rail.current.scrollLeft = chip.offsetLeft - rail.current.clientWidth / 2 + chip.offsetWidth / 2;
  }, [query.category]);

  const update = useCallback((patch: Partial<LobbyQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
  }, []);

  // Until the full catalog arrives only the static first page is known: a search or filter shows
  // its matches among it (no flash of skeletons under the player's pointer) while the rest loads.
  const waiting = !failed && results === null && (props.initialResults.length === 0 || !isDefault(query));
  const list = useMemo(() => {
    if (results) return results;
    if (isDefault(query)) return props.initialResults;
    const q = query.q.trim();
    return (q ? simpleSearch(props.initialResults, q) : props.initialResults).filter((g) => matchesFilters(g, query));
  }, [results, query, props.initialResults]);
  const total = results ? results.length : props.catalogSize;
  const showVirtual = results !== null && VirtualGrid !== null;
  const categories = props.categories.length > 0 || !games ? props.categories : facets(games, "category");
  const providers = props.providers.length > 0 || !games ? props.providers : facets(games, "provider");

  const byId = useMemo(() => (games ? new Map(games.map((g) => [g.id, g])) : null), [games]);
  const pick = useCallback(
    (ids: Iterable<number>) => (byId ? [...ids].map((id) => byId.get(id)).filter((g): g is CompactGame => Boolean(g)) : []),
    [byId],
  );
  const favoriteGames = useMemo(() => pick(favoriteIds), [pick, favoriteIds]);
  const featuredGames = useMemo(() => (games ? games.filter((g) => g.featured) : props.featured), [games, props.featured]);
  const detailsGame = useMemo(() => {
    if (detailsId === null) return null;
    return byId?.get(detailsId) ?? [...props.featured, ...props.initialResults].find((g) => g.id === detailsId) ?? null;
  }, [detailsId, byId, props.featured, props.initialResults]);
  const openDetails = useCallback((id: number) => setDetailsId(id), []);
  const closeDetails = useCallback(() => setDetailsId(null), []);
  const recentGames = useMemo(() => pick(me?.recent ?? []), [pick, me?.recent]);

  // The latest set, for the toggle to decide add/remove without re-creating the callback.
  const favoriteRef = useRef(favoriteIds);
  useEffect(() => {
    favoriteRef.current = favoriteIds;
  }, [favoriteIds]);
  const toggleFavorite = useCallback(
    (id: number) => {
      setFavError(null);
      const nowFavorite = !favoriteRef.current.has(id);
      const apply = (add: boolean) =>
        setFavoriteIds((prev) => {
          const next = new Set(prev ?? favoriteRef.current);
          if (add) next.add(id);
          else next.delete(id);
          return next;
        });
      apply(nowFavorite);
      startTransition(async () => {
        const r = await toggleFavoriteAction({ gameId: id, favorite: nowFavorite });
        if (!r.ok) {
          setFavError(r.error ?? t("favoriteError"));
          apply(!nowFavorite);
        } else void mutate(ME_KEY);
      });
    },
    [mutate, t],
  );

  const fav = (id: number) => (signedIn ? favoriteIds.has(id) : null);
  const filtersActive = query.q || query.category || query.provider;
  // The Featured rail shows on the unfiltered lobby only; then its first card is the LCP image.
  const railShown = !filtersActive && featuredGames.length > 0;

  return (
    <div className="space-y-6">
      {me?.staleCatalog ? <StaleCatalogBanner fetchedAt={me.staleCatalog.fetchedAt} error={me.staleCatalog.error} /> : null}
      <section
        aria-labelledby="lobby-title"
        className="relative overflow-hidden rounded-2xl border border-surface-border bg-gradient-to-br from-brand/25 via-surface-raised to-surface-raised px-5 py-6 sm:px-8"
      >
        <h1 id="lobby-title" className="text-2xl font-bold tracking-tight text-white sm:text-3xl">
          {t("title")}
        </h1>
        <p className="mt-1 text-sm text-zinc-300">
          {(games?.length ?? props.catalogSize) > 0 ? `${t("slotCount", { count: games?.length ?? props.catalogSize })} ` : ""}
          {t("intro")}
        </p>
        <div className="mt-5 flex flex-col gap-3 md:flex-row md:items-end">
          <div className="relative flex-1">
            <label htmlFor="lobby-search" className="sr-only">
              {t("searchLabel")}
            </label>
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-zinc-400"
            >
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-3.5-3.5" />
            </svg>
            <input
              id="lobby-search"
              type="search"
              value={query.q}
              onChange={(e) => update({ q: e.target.value })}
              placeholder={t("searchPlaceholder")}
              autoComplete="off"
              spellCheck={false}
              className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 pl-9 pr-3 text-sm text-white placeholder:text-zinc-400 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40"
            />
          </div>
          <div className="flex gap-3">
            <div className="flex-1 md:w-48">
              <label htmlFor="lobby-provider" className="mb-1 block text-xs text-zinc-400">
                {t("studio")}
              </label>
              <select
                id="lobby-provider"
                value={query.provider}
                onChange={(e) => update({ provider: e.target.value })}
                className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 px-3 text-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40"
              >
                <option value="">{t("allStudios")}</option>
                {providers.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name} ({number.format(p.count)})
                  </option>
                ))}
              </select>
            </div>
            <div className="flex-1 md:w-44">
              <label htmlFor="lobby-sort" className="mb-1 block text-xs text-zinc-400">
                {t("sortBy")}
              </label>
              <select
                id="lobby-sort"
                value={query.sort}
                onChange={(e) => update({ sort: e.target.value as Sort })}
                className="h-11 w-full rounded-xl border border-surface-border bg-surface/80 px-3 text-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40"
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {s === "popular" && query.q ? t("bestMatch") : t(SORT_KEYS[s])}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
      </section>

      <nav ref={rail} aria-label={t("classesNav")} className="relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 pb-1">
          {[{ name: "", count: 0 }, ...categories].map((c) => {
            const active = query.category === c.name;
            return (
              <li key={c.name || "all"}>
                <button
                  type="button"
                  aria-pressed={active}
                  onClick={() => update({ category: c.name })}
                  className={`whitespace-nowrap rounded-full px-3.5 py-1.5 text-sm ring-1 ring-inset transition focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft ${active ? "bg-brand text-white ring-brand" : "bg-surface-raised text-zinc-300 ring-surface-border hover:text-white"}`}
                >
                  {c.name || t("allGames")}
                  {c.name ? <span className="ml-1.5 text-xs opacity-80">{number.format(c.count)}</span> : null}
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

      {railShown ? <FeaturedRail games={featuredGames} onOpen={openDetails} /> : null}
      {!filtersActive && recentGames.length > 0 ? (
        <Rail
          title={t("recentlyPlayed")}
          games={recentGames}
          fav={fav}
          onToggle={toggleFavorite}
          onOpen={openDetails}
          testId="recent-rail"
        />
      ) : null}
      {!filtersActive && favoriteGames.length > 0 ? (
        <Rail
          title={t("yourFavorites")}
          games={favoriteGames}
          fav={fav}
          onToggle={toggleFavorite}
          onOpen={openDetails}
          testId="favorites-rail"
        />
      ) : null}

      <section aria-labelledby="all-games">
        <div className="mb-3 flex items-baseline justify-between gap-4">
          <h2 id="all-games" className="text-lg font-semibold text-white">
            {query.category || (query.q ? t("searchResults") : t("allGames"))}
          </h2>
          <p role="status" aria-live="polite" data-testid="result-count" className="text-sm text-zinc-400">
            {waiting ? t("loading") : t("gameCount", { count: total })}
          </p>
        </div>
        {failed && list.length === 0 ? (
          <div role="alert" className="rounded-xl border border-surface-border bg-surface-raised p-10 text-center">
            <p className="font-semibold text-white">{t("unavailableTitle")}</p>
            <p className="mt-1 text-sm text-zinc-400">{t("unavailableText")}</p>
          </div>
        ) : total === 0 && !waiting && results !== null ? (
          <div className="rounded-xl border border-dashed border-surface-border p-10 text-center text-zinc-400">
            <p>{t("noMatch")}</p>
            <button
              type="button"
              onClick={() => update({ q: "", category: "", provider: "" })}
              className="mt-3 text-sm text-brand-soft underline underline-offset-4 hover:text-white"
            >
              {t("clearFilters")}
            </button>
          </div>
        ) : showVirtual && VirtualGrid ? (
          <VirtualGrid.C games={list} favorite={fav} onToggleFavorite={toggleFavorite} onOpenDetails={openDetails} />
        ) : (
          // Before the full catalog (and the virtual grid) arrive: the static first page, filtered if need be.
          <ul className={GRID_CLASS} data-testid="game-grid">
            {list.map((g, i) => (
              <li key={g.id}>
                <GameTile
                  game={g}
                  favorite={fav(g.id)}
                  onToggleFavorite={toggleFavorite}
                  onOpenDetails={openDetails}
                  eager={i < 6}
                  // Above the fold, unless the Featured rail is (then its first card is the LCP image).
                  priority={i < 2 && !railShown}
                />
              </li>
            ))}
            {SKELETON_TILE_IDS.slice(0, waiting ? 18 : 12).map((id, i) => (
              <li key={id} ref={i === 0 ? sentinel : undefined}>
                <GameTileSkeleton />
              </li>
            ))}
          </ul>
        )}
      </section>
      {detailsId !== null ? <GameDetails game={detailsGame} onClose={closeDetails} /> : null}
    </div>
  );
}

/** The operator's Featured games: wide (287x193) cards, in the static HTML. */
function FeaturedRail({ games, onOpen }: { games: CompactGame[]; onOpen: (id: number) => void }) {
  const t = useTranslations("games");
  return (
    <section aria-labelledby="featured-title" data-testid="featured-rail">
      <h2 id="featured-title" className="mb-3 text-lg font-semibold text-white">
        {t("featured")}
      </h2>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        {games.map((g, i) => (
          <li key={g.id} className="w-64 shrink-0 snap-start sm:w-72" data-testid="featured-game" data-game-id={g.id}>
            <button
              type="button"
              onClick={() => onOpen(g.id)}
              aria-haspopup="dialog"
              className="group block w-full overflow-hidden rounded-xl bg-surface-raised text-left ring-1 ring-surface-border transition hover:ring-brand/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
            >
              <span className="relative block aspect-[287/193] bg-surface-overlay">
                {/* biome-ignore lint/performance/noImgElement: next/image would proxy every icon through our server; the provider serves them sized (287x193) */}
                <img
                  src={g.wideIcon ?? g.icon}
                  alt=""
                  width={287}
                  height={193}
                  // The first card is the page's largest image above the fold (its LCP): loaded at once.
                  loading={i === 0 ? "eager" : "lazy"}
                  fetchPriority={i === 0 ? "high" : undefined}
                  decoding="async"
                  className="h-full w-full object-cover"
                />
                <Badges badges={g.badges} className="absolute left-2 top-2" />
              </span>
              <span className="block p-3">
                <span className="block truncate text-sm font-semibold text-white">{g.title}</span>
                <span className="block truncate text-xs text-zinc-400">
                  {g.provider ?? g.category}
                  {g.rtp ? ` · RTP ${g.rtp}%` : ""}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Rail({
  title,
  games,
  fav,
  onToggle,
  onOpen,
  testId,
}: {
  title: string;
  games: CompactGame[];
  fav: (id: number) => boolean | null;
  onToggle: (id: number) => void;
  onOpen: (id: number) => void;
  testId: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h2 className="mb-3 text-lg font-semibold text-white">{title}</h2>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        {games.map((g) => (
          <li key={g.id} className="w-40 shrink-0 snap-start sm:w-44">
            <GameTile game={g} favorite={fav(g.id)} onToggleFavorite={onToggle} onOpenDetails={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}

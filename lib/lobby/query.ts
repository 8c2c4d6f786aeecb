import type { CompactGame } from "@/lib/catalog/compact";

/**
 * The lobby's URL state (?q=&class=&provider=&sort=) and the filtering both the server (first
 * render of a deep link) and the browser (every keystroke) apply. Client-safe.
 */
export const SORTS = ["popular", "az", "rtp"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = { popular: "Popular", az: "A–Z", rtp: "Highest RTP" };

export interface LobbyQuery {
  q: string;
  category: string;
  provider: string;
  sort: Sort;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(p: Params, key: string): string {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  return (Array.isArray(v) ? v[0] : v)?.slice(0, 100) ?? "";
}

export function parseLobbyQuery(p: Params): LobbyQuery {
  const sort = param(p, "sort");
  return {
    q: param(p, "q"),
    category: param(p, "class"),
    provider: param(p, "provider"),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "popular",
  };
}

export function lobbySearchString(q: LobbyQuery): string {
  const s = new URLSearchParams();
  if (q.q) s.set("q", q.q);
  if (q.category) s.set("class", q.category);
  if (q.provider) s.set("provider", q.provider);
  if (q.sort !== "popular") s.set("sort", q.sort);
  const text = s.toString();
  return text ? `?${text}` : "";
}

export function matchesFilters(g: CompactGame, q: Pick<LobbyQuery, "category" | "provider">): boolean {
  return (!q.category || g.category === q.category) && (!q.provider || g.provider === q.provider);
}

const rtpValue = (g: CompactGame) => (g.rtp === null ? -1 : Number(g.rtp)); // display figure, not money

export function sortGames(games: CompactGame[], sort: Sort): CompactGame[] {
  const out = [...games];
  if (sort === "az") out.sort((a, b) => a.title.localeCompare(b.title, "en") || a.id - b.id);
  else if (sort === "rtp") out.sort((a, b) => rtpValue(b) - rtpValue(a) || a.rank - b.rank);
  else out.sort((a, b) => a.rank - b.rank);
  return out;
}

/** Plain substring search: the server's first render of ?q= (the browser then uses fuzzy search). */
export function simpleSearch(games: CompactGame[], q: string): CompactGame[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return games;
  return games.filter(
    (g) =>
      g.title.toLowerCase().includes(needle) ||
      g.category.toLowerCase().includes(needle) ||
      (g.provider ?? "").toLowerCase().includes(needle),
  );
}

export interface Facet {
  name: string;
  count: number;
}

export function facets(games: CompactGame[], key: "category" | "provider"): Facet[] {
  const counts = new Map<string, number>();
  for (const g of games) {
    const v = g[key];
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

import { describe, expect, it } from "vitest";
import type { CompactGame } from "@/lib/catalog/compact";
import { facets, lobbySearchString, matchesFilters, parseLobbyQuery, simpleSearch, sortGames } from "@/lib/lobby/query";

const g = (id: number, title: string, category: string, provider: string | null, rtp: string | null): CompactGame => ({
  id,
  title,
  category,
  provider,
  rtp,
  icon: `http://p/${id}.jpg`,
  volatility: null,
  features: [],
  wideIcon: null,
  badges: [],
  featured: false,
  rank: id,
});
const games = [
  g(1, "Zeta Gold", "Wild West", "Reelcraft", "95.10"),
  g(2, "alpha Stars", "Ocean Quest", "Neon Owl", "96.50"),
  g(3, "Mid Reels", "Wild West", "Neon Owl", null),
];

describe("lobby URL state and filtering", () => {
  it("parses and writes ?q=&class=&provider=&sort= symmetrically, defaulting unknown sorts", () => {
    const q = parseLobbyQuery(new URLSearchParams("q=gold&class=Wild+West&provider=Neon+Owl&sort=rtp"));
    expect(q).toEqual({ q: "gold", category: "Wild West", provider: "Neon Owl", sort: "rtp" });
    expect(parseLobbyQuery(new URLSearchParams(lobbySearchString(q)))).toEqual(q);
    expect(parseLobbyQuery({ sort: "evil" }).sort).toBe("popular");
    expect(lobbySearchString({ q: "", category: "", provider: "", sort: "popular" })).toBe("");
    expect(parseLobbyQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it.each([
    ["popular", [1, 2, 3]],
    ["az", [2, 3, 1]],
    ["rtp", [2, 1, 3]],
  ] as const)("sorts by %s", (sort, ids) => {
    expect(sortGames(games, sort).map((x) => x.id)).toEqual(ids);
  });

  it("filters by class and studio, searches title/class/studio, and counts facets", () => {
    expect(games.filter((x) => matchesFilters(x, { category: "Wild West", provider: "Neon Owl" })).map((x) => x.id)).toEqual([3]);
    expect(simpleSearch(games, "STARS").map((x) => x.id)).toEqual([2]);
    expect(simpleSearch(games, "neon").map((x) => x.id)).toEqual([2, 3]);
    expect(facets(games, "category")).toEqual([
      { name: "Ocean Quest", count: 1 },
      { name: "Wild West", count: 2 },
    ]);
  });
});

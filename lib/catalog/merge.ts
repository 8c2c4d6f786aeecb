import type { ProviderGame } from "@/lib/webgames/client";
import { absolute } from "@/lib/webgames/client";
import type { Badge, CatalogGame } from "./compact";
import type { ExtendedRow } from "./spreadsheet";

export interface LobbyControlRow {
  gameId: number;
  hidden: boolean;
  badgeNew: boolean;
  badgeHot: boolean;
  featured: boolean;
  pin: number | null;
}

/**
 * GetListGames is the source of which games exist; the extended catalog adds studio, RTP,
 * volatility, features and the large icon by game id (an uploaded file's row wins over the
 * published sheet's, field by field); a sheet row for a game the provider does not list is
 * ignored. The operator's controls then apply; pinned games come first (by pin, then the
 * provider's order), the rest keep the provider's order.
 */
export function mergeCatalog(input: {
  games: ProviderGame[];
  sheet: ExtendedRow[];
  upload: ExtendedRow[];
  controls: LobbyControlRow[];
  apiUrl: string;
}): CatalogGame[] {
  const extended = new Map<number, ExtendedRow>();
  for (const r of input.sheet) extended.set(r.id, r);
  for (const r of input.upload) {
    const base = extended.get(r.id);
    extended.set(r.id, base ? overlay(base, r) : r);
  }
  const controls = new Map(input.controls.map((c) => [c.gameId, c]));
  const link = (s: string | undefined) => {
    if (!s) return undefined;
    try {
      return absolute(input.apiUrl, s);
    } catch {
      return undefined;
    }
  };
  const merged = input.games.map((g, order) => {
    const x = extended.get(g.id);
    const c = controls.get(g.id);
    const badges: Badge[] = [];
    if (c?.badgeNew) badges.push("new");
    if (c?.badgeHot) badges.push("hot");
    const game: CatalogGame = {
      id: g.id,
      title: g.title,
      category: g.category,
      icon: g.icon || link(x?.icon206) || "",
      features: x?.features ?? [],
      hidden: c?.hidden ?? false,
      badges,
      featured: c?.featured ?? false,
      pin: c?.pin ?? null,
    };
    const wide = link(x?.icon287);
    if (wide) game.wideIcon = wide;
    if (x?.provider) game.provider = x.provider;
    if (x?.rtp) game.rtp = x.rtp;
    if (x?.volatility) game.volatility = x.volatility;
    if (x && Object.keys(x.extra).length > 0) game.extra = x.extra;
    return { game, order };
  });
  merged.sort((a, b) => (a.game.pin ?? Number.MAX_SAFE_INTEGER) - (b.game.pin ?? Number.MAX_SAFE_INTEGER) || a.order - b.order);
  return merged.map((m) => m.game);
}

function overlay(base: ExtendedRow, top: ExtendedRow): ExtendedRow {
  const out: ExtendedRow = { ...base, extra: { ...base.extra, ...top.extra } };
  for (const k of ["title", "provider", "rtp", "volatility", "icon206", "icon287"] as const) if (top[k]) out[k] = top[k];
  if (top.features.length > 0) out.features = top.features;
  return out;
}

/**
 * The catalog's shapes, client-safe (no server imports).
 * `CatalogGame`: one game as the app knows it: GetListGames merged with the extended catalog
 * (spreadsheet) and the operator's lobby controls. `CompactGame`: what the browser gets.
 */
export type Badge = "new" | "hot";

export interface CatalogGame {
  id: number;
  title: string;
  /** The provider's class (category), e.g. "Novomatic Deluxe". */
  category: string;
  /** Absolute URL of the 206x206 icon. */
  icon: string;
  /** Absolute URL of the 287x193 icon, from the extended catalog. */
  wideIcon?: string;
  /** The studio, from the extended catalog. */
  provider?: string;
  /** RTP in percent, two decimals ("96.50"): display only, never money. */
  rtp?: string;
  volatility?: string;
  features: string[];
  /** The extended catalog's columns we do not know, by header. */
  extra?: Record<string, string>;
  /** Operator controls (lobby_controls). */
  hidden?: boolean;
  badges?: Badge[];
  featured?: boolean;
  /** Pinned position (1 = first); unpinned games follow in the provider's order. */
  pin?: number | null;
}

export interface CompactGame {
  id: number;
  title: string;
  category: string;
  provider: string | null;
  rtp: string | null;
  volatility: string | null;
  features: string[];
  icon: string;
  wideIcon: string | null;
  badges: Badge[];
  featured: boolean;
  /** Position in the lobby's order (pins first, then the provider's order): the "popular" sort. */
  rank: number;
}

export function toCompact(g: CatalogGame, index: number): CompactGame {
  return {
    id: g.id,
    title: g.title,
    category: g.category,
    provider: g.provider ?? null,
    rtp: g.rtp ?? null,
    volatility: g.volatility ?? null,
    features: g.features,
    icon: g.icon,
    wideIcon: g.wideIcon ?? null,
    badges: g.badges ?? [],
    featured: g.featured ?? false,
    rank: index,
  };
}

import type { CatalogGame } from "@/lib/webgames/client";

/**
 * What the browser gets for each game: enough for a tile, search and filters, nothing more.
 * Client-safe (no server imports). `rank` is the provider's catalog order, our "popular" sort.
 */
export interface CompactGame {
  id: number;
  title: string;
  category: string;
  provider: string | null;
  rtp: string | null;
  icon: string;
  rank: number;
}

export function toCompact(g: CatalogGame, index: number): CompactGame {
  return { id: g.id, title: g.title, category: g.category, provider: g.provider ?? null, rtp: g.rtp ?? null, icon: g.icon, rank: index };
}

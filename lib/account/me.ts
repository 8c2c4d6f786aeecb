import "server-only";
import type { SessionPlayer } from "@/lib/auth/guards";
import { catalogHealth } from "@/lib/catalog/sources";
import { favoriteGameIds, recentGameIds } from "@/lib/lobby/player-lists";
import type { ExclusionKind } from "@/lib/rg/definitions";
import { activeExclusion } from "@/lib/rg/exclusions";
import { previousPlaySession } from "@/lib/rg/play-session";
import { formatMoney, toCurrencyString } from "@/lib/wallet/money";
import { GAME_TYPE } from "@/lib/webgames/client";
import { playerBalance } from "./ledger";

/**
 * The per-visitor part of the site chrome and the lobby, served as JSON (/api/me) so that the
 * lobby's HTML itself can be static: header (nick, balance, admin link), favorites, recently
 * played, and for admins the catalog's stale flag. Never cached.
 */
export interface MeAnswer {
  player: {
    nick: string;
    role: "player" | "admin" | "finance" | "support" | "auditor";
    blocked: boolean;
    /** "1,234.50 EUR" (English, kept for scripts); the header formats `amount` in the page's locale. */
    balance: string | null;
    /** The balance as an exact decimal string to the currency's minor units ("1234.50"), and its currency. */
    amount: string | null;
    currency: string | null;
  } | null;
  favorites: number[];
  recent: number[];
  staleCatalog: { fetchedAt: string; error: string | null } | null;
  /** Responsible gaming: a time-out or self-exclusion in force, and the previous play session (ISO times). */
  rg: { exclusion: { kind: ExclusionKind; until: string } | null; previousSession: { startedAt: string; endedAt: string } | null } | null;
}

export async function meAnswer(player: SessionPlayer | null): Promise<MeAnswer> {
  if (!player) return { player: null, favorites: [], recent: [], staleCatalog: null, rg: null };
  const [wallet, favorites, recent, staleCatalog, exclusion, previous] = await Promise.all([
    playerBalance(player.id),
    favoriteGameIds(player.id),
    recentGameIds(player.id),
    player.role === "admin" ? adminCatalogFlag() : Promise.resolve(null),
    activeExclusion(player.id),
    previousPlaySession(player.id),
  ]);
  return {
    player: {
      nick: player.nick,
      role: player.role,
      blocked: player.blocked,
      balance: wallet ? formatMoney(wallet.balance, wallet.currency) : null,
      amount: wallet ? toCurrencyString(wallet.balance, wallet.currency) : null,
      currency: wallet?.currency ?? null,
    },
    favorites,
    recent,
    staleCatalog,
    rg: {
      exclusion: exclusion ? { kind: exclusion.kind, until: exclusion.until.toISOString() } : null,
      previousSession: previous ? { startedAt: previous.startedAt.toISOString(), endedAt: previous.endedAt.toISOString() } : null,
    },
  };
}

/** Read from PostgreSQL, not through the catalog cache: this answer is never cached (see above). */
async function adminCatalogFlag(): Promise<MeAnswer["staleCatalog"]> {
  try {
    const health = await catalogHealth(GAME_TYPE);
    if (!health.fetchedAt)
      return { fetchedAt: new Date(0).toISOString(), error: health.error ?? "No catalog yet: the provider has not answered" };
    return health.stale ? { fetchedAt: health.fetchedAt.toISOString(), error: health.error } : null;
  } catch (err) {
    return { fetchedAt: new Date(0).toISOString(), error: err instanceof Error ? err.message : String(err) };
  }
}

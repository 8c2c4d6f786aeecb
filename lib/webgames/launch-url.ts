import type { ProviderConfig } from "./client";
import { DEMO_CURRENCY } from "./currencies";

/** Parameters of GET /game. Names are case-sensitive on the provider's side. */
export type LaunchParams =
  | { mode: "demo"; gameId: number; language?: string }
  | { mode: "real"; gameId: number; language?: string; playerId: number; currency: string; token: string };

/** Builds the provider's GET /game URL (docs/protocol.md §2), for the iframe, mobile redirect and support. */
export function buildLaunchUrl(cfg: Pick<ProviderConfig, "apiUrl" | "partnerId">, p: LaunchParams): string {
  const q = new URLSearchParams();
  q.set("partner_id", cfg.partnerId);
  if (p.mode === "real") q.set("player_id", String(p.playerId));
  q.set("game_id", String(p.gameId));
  if (p.language) q.set("language", p.language);
  q.set("currency", p.mode === "real" ? p.currency : DEMO_CURRENCY);
  if (p.mode === "real") q.set("token", p.token);
  return `${cfg.apiUrl}/game?${q}`;
}

/** The launch URL with its token masked, safe to show on screen or paste into a support chat. */
export function maskLaunchUrl(url: string): string {
  const u = new URL(url);
  const token = u.searchParams.get("token");
  if (token) u.searchParams.set("token", `${token.slice(0, 4)}…${token.slice(-4)}`);
  return u.toString();
}

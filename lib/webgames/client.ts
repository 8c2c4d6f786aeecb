import { z } from "zod";
import { env } from "@/lib/env";
import { Code } from "./codes";
import { sign } from "./signature";

/**
 * The one typed door to the provider's public API. Pages never see the wire shape: they get
 * `CatalogGame`s with absolute icon URLs and the extended fields merged in when available.
 */
export const GAME_TYPE = "web_slot";

const wireGame = z.object({
  id: z.coerce.number().int().positive(),
  title: z.string(),
  url: z.string(),
  icon: z.string(),
  class: z.string(),
});

const wireExtendedGame = wireGame.extend({
  provider: z.string().optional(),
  rtp: z.coerce.number().optional(),
  volatility: z.string().optional(),
  features: z.array(z.string()).optional(),
  icons: z.record(z.string(), z.string()).optional(),
});

const listAnswer = <T extends z.ZodTypeAny>(game: T) =>
  z.object({ code: z.number().int(), message: z.string().optional(), games: z.array(game).optional() });

export interface CatalogGame {
  id: number;
  title: string;
  /** The provider's class (category), e.g. "Novomatic Deluxe". */
  category: string;
  /** Absolute URL of the 206x206 icon on the provider's host. */
  icon: string;
  /** Absolute URL of the 287x193 icon when the extended catalog has one. */
  wideIcon?: string;
  provider?: string;
  /** RTP in percent as the provider publishes it (display only, never money). */
  rtp?: string;
  volatility?: string;
  features: string[];
}

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

export interface ProviderConfig {
  apiUrl: string;
  partnerId: string;
  apiKey: string;
  /**
   * How GET requests are sent; default: global fetch. The catalog cache passes a plain node:http
   * client so that a background refresh started while Next renders a static page is not tracked
   * by Next's patched fetch (an uncached fetch there turns the page dynamic and throws).
   */
  transport?: HttpGet;
}

export type HttpGet = (url: string, timeoutMs: number) => Promise<{ status: number; text: string }>;

const fetchGet: HttpGet = async (url, timeoutMs) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
  return { status: res.status, text: await res.text() };
};

export const providerConfig = (): ProviderConfig => ({
  apiUrl: env.WEBGAMES_API_URL,
  partnerId: env.WEBGAMES_PARTNER_ID,
  apiKey: env.WEBGAMES_API_KEY,
});

function absolute(apiUrl: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${apiUrl}/`).toString();
}

async function getSigned(method: "GetListGames" | "GetListGamesExtended", cfg: ProviderConfig, timeoutMs: number): Promise<unknown> {
  const params = new URLSearchParams({
    partner_id: cfg.partnerId,
    type: GAME_TYPE,
    hash: sign(method, [cfg.partnerId, GAME_TYPE], cfg.apiKey),
  });
  const { status, text } = await (cfg.transport ?? fetchGet)(`${cfg.apiUrl}/${method}?${params}`, timeoutMs);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError(`${method}: provider answered HTTP ${status} with non-JSON`);
  }
}

/** GET /GetListGames (signed). Throws ProviderError on any non-zero code or transport failure. */
export async function fetchGameList(cfg: ProviderConfig = providerConfig(), timeoutMs = 10_000): Promise<CatalogGame[]> {
  const parsed = listAnswer(wireGame).safeParse(await getSigned("GetListGames", cfg, timeoutMs));
  if (!parsed.success) throw new ProviderError("GetListGames: unexpected answer shape");
  if (parsed.data.code !== Code.Ok) {
    throw new ProviderError(`GetListGames: code ${parsed.data.code} ${parsed.data.message ?? ""}`.trim(), parsed.data.code);
  }
  return (parsed.data.games ?? []).map((g) => ({
    id: g.id,
    title: g.title,
    category: g.class,
    icon: absolute(cfg.apiUrl, g.icon),
    features: [],
  }));
}

/**
 * The extended catalog (provider, RTP, volatility, features, both icon sizes). The real provider
 * publishes it as a spreadsheet; the simulator serves it as GET /GetListGamesExtended. Optional:
 * returns null when the provider does not offer it.
 */
export async function fetchExtendedCatalog(
  cfg: ProviderConfig = providerConfig(),
  timeoutMs = 10_000,
): Promise<Map<number, Partial<CatalogGame>> | null> {
  try {
    const parsed = listAnswer(wireExtendedGame).safeParse(await getSigned("GetListGamesExtended", cfg, timeoutMs));
    if (!parsed.success || parsed.data.code !== Code.Ok) return null;
    const map = new Map<number, Partial<CatalogGame>>();
    for (const g of parsed.data.games ?? []) {
      const wide = g.icons?.["287x193"];
      map.set(g.id, {
        provider: g.provider,
        rtp: g.rtp === undefined ? undefined : g.rtp.toFixed(2),
        volatility: g.volatility,
        features: g.features ?? [],
        wideIcon: wide ? absolute(cfg.apiUrl, wide) : undefined,
      });
    }
    return map;
  } catch {
    return null;
  }
}

/** The catalog with extended fields merged in when the provider offers them. */
export async function fetchCatalog(cfg: ProviderConfig = providerConfig()): Promise<CatalogGame[]> {
  const [games, extended] = await Promise.all([fetchGameList(cfg), fetchExtendedCatalog(cfg)]);
  if (!extended) return games;
  return games.map((g) => ({ ...g, ...extended.get(g.id), features: extended.get(g.id)?.features ?? g.features }));
}

import { z } from "zod";
import { env } from "@/lib/env";
import { Code } from "./codes";
import { sign } from "./signature";

/**
 * The one typed door to the provider's public API. Pages never see the wire shape: they get
 * `ProviderGame`s with absolute icon URLs; lib/catalog merges in the extended catalog (a spreadsheet).
 */
export const GAME_TYPE = "web_slot";

const wireGame = z.object({
  id: z.coerce.number().int().positive(),
  title: z.string(),
  url: z.string(),
  icon: z.string(),
  class: z.string(),
});

const listAnswer = <T extends z.ZodTypeAny>(game: T) =>
  z.object({ code: z.number().int(), message: z.string().optional(), games: z.array(game).optional() });

/** One game of GetListGames, as the app sees it (the extended fields come from the spreadsheet, lib/catalog). */
export interface ProviderGame {
  id: number;
  title: string;
  /** The provider's class (category), e.g. "Novomatic Deluxe". */
  category: string;
  /** Absolute URL of the 206x206 icon on the provider's host. */
  icon: string;
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
}

export const providerConfig = (): ProviderConfig => ({
  apiUrl: env.WEBGAMES_API_URL,
  partnerId: env.WEBGAMES_PARTNER_ID,
  apiKey: env.WEBGAMES_API_KEY,
});

/** A path on the provider's host ("/icon/…") or an absolute URL, as an absolute URL. */
export function absolute(apiUrl: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${apiUrl}/`).toString();
}

/** GET /GetListGames (signed). Throws ProviderError on any non-zero code, a bad answer or a transport failure. */
export async function fetchGameList(cfg: ProviderConfig = providerConfig(), timeoutMs = 5_000): Promise<ProviderGame[]> {
  const params = new URLSearchParams({
    partner_id: cfg.partnerId,
    type: GAME_TYPE,
    hash: sign("GetListGames", [cfg.partnerId, GAME_TYPE], cfg.apiKey),
  });
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${cfg.apiUrl}/GetListGames?${params}`, { signal: AbortSignal.timeout(timeoutMs) });
    status = res.status;
    text = await res.text();
  } catch (err) {
    throw new ProviderError(`GetListGames: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError(`GetListGames: provider answered HTTP ${status} with non-JSON`);
  }
  const parsed = listAnswer(wireGame).safeParse(json);
  if (!parsed.success) throw new ProviderError("GetListGames: unexpected answer shape");
  if (parsed.data.code !== Code.Ok) {
    throw new ProviderError(`GetListGames: code ${parsed.data.code} ${parsed.data.message ?? ""}`.trim(), parsed.data.code);
  }
  return (parsed.data.games ?? []).map((g) => ({ id: g.id, title: g.title, category: g.class, icon: absolute(cfg.apiUrl, g.icon) }));
}

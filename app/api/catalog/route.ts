import { getCompactCatalog } from "@/lib/catalog";
import { revalidateLobby } from "@/lib/lobby/revalidate";

let lastLobbyRevalidation = 0;

/**
 * The compact catalog for the lobby's client-side search. The lobby links it with ?v=<version>,
 * so a versioned URL never changes and may be cached for long; an unversioned one briefly.
 * A lobby page asking for another version than the current one is out of date (e.g. the HTML of
 * the build, made without a catalog): it is regenerated now, at most every 5 s.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { games, version } = await getCompactCatalog();
    const asked = new URL(req.url).searchParams.get("v");
    if (asked !== null && asked !== version && Date.now() - lastLobbyRevalidation > 5_000) {
      lastLobbyRevalidation = Date.now();
      revalidateLobby();
    }
    const cacheControl = asked === version ? "public, max-age=86400, immutable" : "public, max-age=60, stale-while-revalidate=300";
    return Response.json({ version, games }, { headers: { "cache-control": cacheControl } });
  } catch {
    return Response.json({ error: "The game catalog is unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

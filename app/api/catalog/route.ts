import { getCompactCatalog } from "@/lib/catalog";

/**
 * The compact catalog for the lobby's client-side search. The lobby links it with ?v=<version>,
 * so a versioned URL never changes and may be cached for long; an unversioned one briefly.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { games, version } = await getCompactCatalog();
    const asked = new URL(req.url).searchParams.get("v");
    const cacheControl = asked === version ? "public, max-age=86400, immutable" : "public, max-age=60, stale-while-revalidate=300";
    return Response.json({ version, games }, { headers: { "cache-control": cacheControl } });
  } catch {
    return Response.json({ error: "The game catalog is unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

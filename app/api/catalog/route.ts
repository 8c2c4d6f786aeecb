import { getLobbyCatalog } from "@/lib/catalog";

/**
 * The compact catalog (visible games) for the lobby's client-side search and filters. The lobby
 * links it as ?v=<content hash>: that URL never changes, so it may be cached for long; any other
 * (an older page, no version) briefly. Regenerating the lobby HTML is not this handler's business
 * any more: the HTML is tagged with the catalog and regenerates when the catalog changes.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const catalog = await getLobbyCatalog();
    if (!catalog.available) throw new Error("no catalog");
    const asked = new URL(req.url).searchParams.get("v");
    const cacheControl = asked === catalog.version ? "public, max-age=86400, immutable" : "public, max-age=60, stale-while-revalidate=300";
    return new Response(catalog.json, { headers: { "content-type": "application/json", "cache-control": cacheControl } });
  } catch {
    return Response.json({ error: "The game catalog is unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

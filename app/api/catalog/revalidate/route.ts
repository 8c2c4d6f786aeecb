import { revalidateTag } from "next/cache";
import { staffOrResponse } from "@/lib/admin/guard";
import { CATALOG_TAG, reloadCatalogSources } from "@/lib/catalog";

/** Staff holding catalog.manage: fetch GetListGames and the spreadsheet now. The last good copies stay if they fail. */
export async function POST(): Promise<Response> {
  const staff = await staffOrResponse("catalog.manage");
  if (staff instanceof Response) return staff;
  const state = await reloadCatalogSources();
  revalidateTag(CATALOG_TAG, { expire: 0 }); // this instance's next read, and the lobby HTML, are fresh
  if (!state.available) return Response.json({ error: state.sources[0]?.lastError ?? "The game catalog is unavailable" }, { status: 503 });
  return Response.json({
    games: state.games.length,
    fetchedAt: state.fetchedAt,
    stale: state.stale,
    lastError: state.lastError,
    sources: state.sources.map((s) => ({
      source: s.source,
      rows: s.rowCount,
      stale: s.stale,
      lastError: s.lastError,
      problems: s.problems.length,
    })),
  });
}

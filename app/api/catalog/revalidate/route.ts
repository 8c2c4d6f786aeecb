import { staffOrResponse } from "@/lib/admin/guard";
import { CatalogUnavailableError, revalidateCatalog } from "@/lib/catalog";
import { revalidateLobby } from "@/lib/lobby/revalidate";

/** Staff holding catalog.manage: reload the catalog from the provider now. The last good copy stays if it fails. */
export async function POST(): Promise<Response> {
  const staff = await staffOrResponse("catalog.manage");
  if (staff instanceof Response) return staff;
  try {
    const snap = await revalidateCatalog();
    revalidateLobby(); // the lobby's static HTML
    return Response.json({ games: snap.games.length, fetchedAt: snap.fetchedAt, stale: snap.stale, lastError: snap.lastError });
  } catch (err) {
    if (err instanceof CatalogUnavailableError) return Response.json({ error: err.message }, { status: 503 });
    throw err;
  }
}

import { adminOrResponse } from "@/lib/auth/guards";
import { CatalogUnavailableError, revalidateCatalog } from "@/lib/catalog";
import { revalidateLobby } from "@/lib/lobby/revalidate";

/** Admins: reload the catalog from the provider now. The last good copy stays if it fails. */
export async function POST(): Promise<Response> {
  const admin = await adminOrResponse();
  if (admin instanceof Response) return admin;
  try {
    const snap = await revalidateCatalog();
    revalidateLobby(); // the lobby's static HTML
    return Response.json({ games: snap.games.length, fetchedAt: snap.fetchedAt, stale: snap.stale, lastError: snap.lastError });
  } catch (err) {
    if (err instanceof CatalogUnavailableError) return Response.json({ error: err.message }, { status: 503 });
    throw err;
  }
}

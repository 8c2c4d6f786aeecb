import { revalidatePath } from "next/cache";
import { staffRoute } from "@/lib/auth/staff-guard";
import { CatalogUnavailableError, revalidateCatalog } from "@/lib/catalog";

/** Staff: reload the catalog from the provider now. The last good copy stays if it fails. */
export const POST = staffRoute("catalog.reload", async (): Promise<Response> => {
  try {
    const snap = await revalidateCatalog();
    revalidatePath("/"); // the lobby's static HTML
    return Response.json({ games: snap.games.length, fetchedAt: snap.fetchedAt, stale: snap.stale, lastError: snap.lastError });
  } catch (err) {
    if (err instanceof CatalogUnavailableError) return Response.json({ error: err.message }, { status: 503 });
    throw err;
  }
});

"use server";

import { revalidatePath, updateTag } from "next/cache";
import { AdminAccessError, assertAdmin } from "@/lib/admin/access";
import type { ActionState } from "@/lib/admin/player-actions";
import { currentPlayer } from "@/lib/auth/guards";
import { CATALOG_TAG, reloadCatalogSources } from "@/lib/catalog";
import { auditCatalogAction, controlForm, setLobbyControlAs } from "@/lib/catalog/controls";
import { removeUpload } from "@/lib/catalog/sources";

// Every action checks the admin itself (the layout's check protects nothing on its own), then
// invalidates the catalog tag: this instance's next read and the lobby HTML are fresh at once.
async function run(fn: () => Promise<ActionState>): Promise<ActionState> {
  try {
    const state = await fn();
    if (state.status === "ok") {
      updateTag(CATALOG_TAG);
      revalidatePath("/admin/catalog");
    }
    return state;
  } catch (err) {
    if (err instanceof AdminAccessError) return { status: "error", message: err.message };
    throw err;
  }
}

export async function saveLobbyControlAction(gameId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async () => {
    const viewer = await currentPlayer();
    assertAdmin(viewer);
    const parsed = controlForm.safeParse({
      gameId,
      hidden: formData.get("hidden") === "on",
      badgeNew: formData.get("badgeNew") === "on",
      badgeHot: formData.get("badgeHot") === "on",
      featured: formData.get("featured") === "on",
      pin: String(formData.get("pin") ?? ""),
    });
    if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid input." };
    const { gameId: id, ...next } = parsed.data;
    const { changed } = await setLobbyControlAs(viewer, id, next);
    return { status: "ok", message: changed ? "Saved." : "No change." };
  });
}

export async function reloadCatalogAction(_prev: ActionState): Promise<ActionState> {
  return run(async () => {
    const admin = assertAdmin(await currentPlayer());
    const state = await reloadCatalogSources();
    await auditCatalogAction(admin.id, "catalog_reload", { games: state.games.length, stale: state.stale });
    const failed = state.sources.filter((s) => s.stale);
    return failed.length === 0
      ? { status: "ok", message: `Reloaded: ${state.games.length} games.` }
      : {
          status: "ok",
          message: `Reloaded with errors (${failed.map((s) => `${s.source}: ${s.lastError}`).join("; ")}); the last good copies stay.`,
        };
  });
}

export async function removeUploadAction(_prev: ActionState): Promise<ActionState> {
  return run(async () => {
    const admin = assertAdmin(await currentPlayer());
    await removeUpload();
    await auditCatalogAction(admin.id, "catalog_upload_removed", {});
    return { status: "ok", message: "Upload removed: the published spreadsheet applies alone." };
  });
}

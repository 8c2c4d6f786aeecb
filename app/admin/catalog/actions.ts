"use server";

import { revalidatePath, updateTag } from "next/cache";
import { staffAction } from "@/lib/admin/guard";
import type { ActionState } from "@/lib/admin/player-actions";
import { CATALOG_TAG, reloadCatalogSources } from "@/lib/catalog";
import { controlForm, setLobbyControlAs } from "@/lib/catalog/controls";
import { removeUpload } from "@/lib/catalog/sources";

// Each action runs only for staff holding catalog.manage (the layout's check protects nothing on
// its own), then invalidates the catalog tag: this instance's next read and the lobby HTML are fresh.
const refused = (message: string): ActionState => ({ status: "error", message });
function changed(state: ActionState): ActionState {
  if (state.status === "ok") {
    updateTag(CATALOG_TAG);
    revalidatePath("/admin/catalog");
  }
  return state;
}

export async function saveLobbyControlAction(gameId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return staffAction(
    "catalog.manage",
    async (staff) => {
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
      const { changed: didChange } = await setLobbyControlAs(staff, id, next);
      return changed({ status: "ok", message: didChange ? "Saved." : "No change." });
    },
    refused,
  );
}

export async function reloadCatalogAction(_prev: ActionState): Promise<ActionState> {
  return staffAction(
    "catalog.manage",
    async () => {
      const state = await reloadCatalogSources();
      const failed = state.sources.filter((s) => s.stale);
      return changed({
        status: "ok",
        message:
          failed.length === 0
            ? `Reloaded: ${state.games.length} games.`
            : `Reloaded with errors (${failed.map((s) => `${s.source}: ${s.lastError}`).join("; ")}); the last good copies stay.`,
      });
    },
    refused,
  );
}

export async function removeUploadAction(_prev: ActionState): Promise<ActionState> {
  return staffAction(
    "catalog.manage",
    async (staff) => {
      await removeUpload(staff.id);
      return changed({ status: "ok", message: "Upload removed: the published spreadsheet applies alone." });
    },
    refused,
  );
}

"use server";

import { revalidatePath, updateTag } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { CATALOG_TAG, reloadCatalogAs } from "@/lib/catalog";
import { removeUploadAs, saveLobbyControlFormAs } from "@/lib/catalog/controls";
import { env } from "@/lib/env";

const PAGE = "/admin/catalog";

// Thin wrappers: staffAction reads the viewer fresh and checks the permission; each *As function
// checks it again. A change invalidates the catalog tag: this instance's next read and the lobby
// HTML are fresh at once (updateTag: read-your-own-writes).
async function run(
  page: string,
  permission: Permission,
  fn: (staff: SessionPlayer, ctx: ActionContext) => Promise<ActionState>,
): Promise<ActionState> {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff, { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
      if (state.status === "ok") {
        updateTag(CATALOG_TAG);
        revalidatePath(page);
      }
      return state;
    },
    (message): ActionState => ({ status: "error", message }),
  );
}

export async function saveLobbyControlAction(gameId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(PAGE, "catalog.manage", (staff, ctx) => saveLobbyControlFormAs(staff, gameId, formData, ctx));
}

export async function reloadCatalogAction(_prev: ActionState): Promise<ActionState> {
  return run(PAGE, "catalog.manage", (staff, ctx) => reloadCatalogAs(staff, ctx));
}

export async function removeUploadAction(_prev: ActionState): Promise<ActionState> {
  return run(PAGE, "catalog.manage", (staff, ctx) => removeUploadAs(staff, ctx));
}

import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

/**
 * The body of every server action on a player's page (actions.ts, rg-actions.ts): staffAction reads
 * the viewer fresh and checks the permission; each *As function checks it again with that viewer (so
 * the same checks are exercised by tests without a request). A success re-renders the player's page.
 */
export function playerAction(
  playerId: number,
  permission: Permission,
  fn: (staff: SessionPlayer, ctx: ActionContext) => Promise<ActionState>,
): Promise<ActionState> {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff, { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
      if (state.status === "ok") revalidatePath(`/admin/players/${playerId}`);
      return state;
    },
    (message): ActionState => ({ status: "error", message }),
  );
}

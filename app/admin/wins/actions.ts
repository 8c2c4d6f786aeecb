"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import { markWinReviewedAs } from "@/lib/admin/win-review";
import type { SessionPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// As app/admin/players/[playerId]/actions.ts: staffAction checks the viewer read fresh, the *As function again.
async function run(roundPk: string, permission: Permission, fn: (staff: SessionPlayer, ctx: ActionContext) => Promise<ActionState>) {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff, { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
      if (state.status === "ok") revalidatePath("/admin/wins");
      return state;
    },
    (message): ActionState => ({ status: "error", message: `${message} (round ${roundPk})` }),
  );
}

export async function markReviewedAction(roundPk: string, _prev: ActionState): Promise<ActionState> {
  return run(roundPk, "wins.review", (staff, ctx) => markWinReviewedAs(staff, roundPk, ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import { type ActionContext, type ActionState, adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { resetSecondFactorAs } from "@/lib/auth/two-factor";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: staffAction reads the viewer fresh and checks the permission; each *As function
// checks it again with that viewer (so the same checks are exercised by tests without a request).
async function run(
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

export async function adjustBalanceAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "adjustments.request", (staff, ctx) =>
    adjustBalanceAs(staff, playerId, { amount: formData.get("amount"), reason: formData.get("reason") }, ctx),
  );
}

export async function setBlockedAction(playerId: number, blocked: boolean, _prev: ActionState): Promise<ActionState> {
  return run(playerId, "players.block", (staff, ctx) => setBlockedAs(staff, playerId, blocked, ctx));
}

export async function revokeSessionsAction(playerId: number, _prev: ActionState): Promise<ActionState> {
  return run(playerId, "players.revokeSessions", (staff, ctx) => revokeSessionsAs(staff, playerId, ctx));
}

export async function resetSecondFactorAction(playerId: number, _prev: ActionState): Promise<ActionState> {
  return run(playerId, "staff.resetSecondFactor", (staff, ctx) => resetSecondFactorAs(staff, playerId, ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { AdminAccessError } from "@/lib/admin/access";
import { type ActionContext, type ActionState, adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import { currentPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: the admin check happens inside each *As function with the viewer read fresh here.
async function run(
  playerId: number,
  fn: (viewer: Awaited<ReturnType<typeof currentPlayer>>, ctx: ActionContext) => Promise<ActionState>,
): Promise<ActionState> {
  try {
    const state = await fn(await currentPlayer(), { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
    if (state.status === "ok") revalidatePath(`/admin/players/${playerId}`);
    return state;
  } catch (err) {
    if (err instanceof AdminAccessError) return { status: "error", message: err.message };
    throw err;
  }
}

export async function adjustBalanceAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, (viewer, ctx) =>
    adjustBalanceAs(viewer, playerId, { amount: formData.get("amount"), reason: formData.get("reason") }, ctx),
  );
}

export async function setBlockedAction(playerId: number, blocked: boolean, _prev: ActionState): Promise<ActionState> {
  return run(playerId, (viewer, ctx) => setBlockedAs(viewer, playerId, blocked, ctx));
}

export async function revokeSessionsAction(playerId: number, _prev: ActionState): Promise<ActionState> {
  return run(playerId, (viewer, ctx) => revokeSessionsAs(viewer, playerId, ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { AdminAccessError } from "@/lib/admin/access";
import type { ActionState } from "@/lib/admin/player-actions";
import { staffExcludeAs, staffSetLimitAs } from "@/lib/admin/rg";
import { currentPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: the permission check (players.restrictGaming) happens inside each *As function
// with the viewer read fresh here.
async function run(
  playerId: number,
  fn: (viewer: Awaited<ReturnType<typeof currentPlayer>>, ctx: { ip: string | null }) => Promise<ActionState>,
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

const limitForm = (f: FormData) => ({ limit: f.get("limit"), value: f.get("amount"), reason: f.get("reason") });
const exclusionForm = (f: FormData) => ({ option: f.get("option"), reason: f.get("reason") });

export async function staffSetLimitAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, (viewer, ctx) => staffSetLimitAs(viewer, playerId, limitForm(formData), ctx));
}

export async function staffExcludeAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, (viewer, ctx) => staffExcludeAs(viewer, playerId, exclusionForm(formData), ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import { staffExcludeAs, staffSetLimitAs } from "@/lib/admin/rg";
import type { SessionPlayer } from "@/lib/auth/guards";
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

const limitForm = (f: FormData) => ({ limit: f.get("limit"), value: f.get("amount"), reason: f.get("reason") });
const exclusionForm = (f: FormData) => ({ option: f.get("option"), reason: f.get("reason") });

export async function staffSetLimitAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "players.restrictGaming", (staff, ctx) => staffSetLimitAs(staff, playerId, limitForm(formData), ctx));
}

export async function staffExcludeAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "players.restrictGaming", (staff, ctx) => staffExcludeAs(staff, playerId, exclusionForm(formData), ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/staff";
import { staffAction } from "@/lib/auth/staff-guard";

// Thin wrappers: staffAction reads the viewer fresh and checks it; each *As function checks the
// same permission again with that viewer (so the loaders are safe when called from anywhere).
async function run(playerId: number, permission: Permission, fn: (staff: SessionPlayer) => Promise<ActionState>): Promise<ActionState> {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff);
      if (state.status === "ok") revalidatePath(`/admin/players/${playerId}`);
      return state;
    },
    (message): ActionState => ({ status: "error", message }),
  );
}

export async function adjustBalanceAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "money.adjust", (staff) =>
    adjustBalanceAs(staff, playerId, { amount: formData.get("amount"), reason: formData.get("reason") }),
  );
}

export async function setBlockedAction(playerId: number, blocked: boolean, _prev: ActionState): Promise<ActionState> {
  return run(playerId, "players.block", (staff) => setBlockedAs(staff, playerId, blocked));
}

export async function revokeSessionsAction(playerId: number, _prev: ActionState): Promise<ActionState> {
  return run(playerId, "players.revoke_sessions", (staff) => revokeSessionsAs(staff, playerId));
}

"use server";

import { type ActionState, adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import { resetSecondFactorAs } from "@/lib/auth/two-factor";
import { playerAction as run } from "./player-action";

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

"use server";

import type { ActionState } from "@/lib/admin/player-actions";
import { staffExcludeAs, staffSetLimitAs } from "@/lib/admin/rg";
import { playerAction as run } from "./player-action";

const limitForm = (f: FormData) => ({ limit: f.get("limit"), value: f.get("amount"), reason: f.get("reason") });
const exclusionForm = (f: FormData) => ({ option: f.get("option"), reason: f.get("reason") });

export async function staffSetLimitAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "players.restrictGaming", (staff, ctx) => staffSetLimitAs(staff, playerId, limitForm(formData), ctx));
}

export async function staffExcludeAction(playerId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(playerId, "players.restrictGaming", (staff, ctx) => staffExcludeAs(staff, playerId, exclusionForm(formData), ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { AdminAccessError } from "@/lib/admin/access";
import { approveAdjustmentAs, type DecisionState, rejectAdjustmentAs } from "@/lib/admin/adjustments";
import { currentPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: the permission check happens inside each *As function with the viewer read fresh here.
async function run(
  requestId: string,
  fn: (viewer: Awaited<ReturnType<typeof currentPlayer>>, ctx: { ip: string | null }) => Promise<DecisionState>,
): Promise<DecisionState> {
  try {
    const state = await fn(await currentPlayer(), { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
    if (state.status === "ok") revalidatePath("/admin/adjustments");
    return state;
  } catch (err) {
    if (err instanceof AdminAccessError) return { status: "error", message: `${err.message} (request #${requestId})` };
    throw err;
  }
}

export async function approveAction(requestId: string, _prev: DecisionState): Promise<DecisionState> {
  return run(requestId, (viewer, ctx) => approveAdjustmentAs(viewer, requestId, ctx));
}

export async function rejectAction(requestId: string, _prev: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(requestId, (viewer, ctx) => rejectAdjustmentAs(viewer, requestId, String(formData.get("note") ?? ""), ctx));
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { approveAdjustmentAs, type DecisionState, rejectAdjustmentAs } from "@/lib/admin/adjustments";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: staffAction reads the viewer fresh and checks the permission; each *As function
// checks it again with that viewer.
async function run(
  _requestId: string,
  permission: Permission,
  fn: (staff: SessionPlayer, ctx: { ip: string | null }) => Promise<DecisionState>,
): Promise<DecisionState> {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff, { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
      if (state.status === "ok") revalidatePath("/admin/adjustments");
      return state;
    },
    (message): DecisionState => ({ status: "error", message }),
  );
}

export async function approveAction(requestId: string, _prev: DecisionState): Promise<DecisionState> {
  return run(requestId, "adjustments.approve", (staff, ctx) => approveAdjustmentAs(staff, requestId, ctx));
}

export async function rejectAction(requestId: string, _prev: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(requestId, "adjustments.approve", (staff, ctx) =>
    rejectAdjustmentAs(staff, requestId, String(formData.get("note") ?? ""), ctx),
  );
}

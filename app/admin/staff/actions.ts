"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { staffAction } from "@/lib/admin/guard";
import type { Permission } from "@/lib/admin/permissions";
import { changeRoleAs, createStaffAs, type StaffState, setStaffDisabledAs } from "@/lib/admin/staff";
import type { SessionPlayer } from "@/lib/auth/guards";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";

// Thin wrappers: staffAction reads the viewer fresh and checks the permission; each *As function
// checks it again with that viewer.
async function run(
  _target: number,
  permission: Permission,
  fn: (staff: SessionPlayer, ctx: { ip: string | null }) => Promise<StaffState>,
): Promise<StaffState> {
  return staffAction(
    permission,
    async (staff) => {
      const state = await fn(staff, { ip: clientIp(await headers(), env.TRUSTED_PROXY_HOPS) });
      if (state.status === "ok") revalidatePath("/admin/staff");
      return state;
    },
    (message): StaffState => ({ status: "error", message }),
  );
}

export async function createStaffAction(_prev: StaffState, form: FormData): Promise<StaffState> {
  return run(0, "staff.manage", (staff, ctx) => createStaffAs(staff, Object.fromEntries(form), ctx));
}

export async function changeRoleAction(targetId: number, _prev: StaffState, form: FormData): Promise<StaffState> {
  return run(targetId, "staff.manage", (staff, ctx) => changeRoleAs(staff, targetId, form.get("role"), ctx));
}

export async function setDisabledAction(targetId: number, disabled: boolean, _prev: StaffState): Promise<StaffState> {
  return run(targetId, "staff.manage", (staff, ctx) => setStaffDisabledAs(staff, targetId, disabled, ctx));
}

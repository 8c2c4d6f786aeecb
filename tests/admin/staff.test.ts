import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAudit } from "@/lib/admin/audit";
import { changeRoleAs, createStaffAs, listStaff, setStaffDisabledAs } from "@/lib/admin/staff";
import { verifyPassword } from "@/lib/auth/password";
import { makePlayer, pool } from "../wallet/harness";
import { staffViewer } from "./helpers";

async function lastAudit() {
  return (await pool.query(`SELECT admin_id, action, player_id, details FROM admin_actions ORDER BY id DESC LIMIT 1`)).rows[0];
}

describe("the staff page", () => {
  it("an admin creates a staff member (audited); the new member can sign in with the password and owes a second factor", async () => {
    const admin = await staffViewer("admin");
    const email = `new-${randomUUID().slice(0, 8)}@staff.local`;
    const res = await createStaffAs(admin, { email, nick: "New One", password: "long-enough-password", role: "finance" });
    expect(res).toMatchObject({ status: "ok" });
    const row = (await pool.query(`SELECT id, role::text AS role, totp_enabled_at, password_hash FROM players WHERE email = $1`, [email]))
      .rows[0];
    expect(row).toMatchObject({ role: "finance", totp_enabled_at: null });
    expect(await verifyPassword(row.password_hash, "long-enough-password")).toBe(true);
    expect(await lastAudit()).toMatchObject({
      admin_id: admin.id,
      action: "staff_created",
      player_id: row.id,
      details: { email, role: "finance" },
    });
    expect(await createStaffAs(admin, { email, nick: "Again", password: "long-enough-password", role: "support" })).toMatchObject({
      status: "error",
      fieldErrors: { email: expect.stringContaining("taken") },
    });
    expect(await createStaffAs(admin, { email: "x@y.z", nick: "Short", password: "short", role: "owner" })).toMatchObject({
      status: "error",
      fieldErrors: { password: expect.any(String), role: expect.any(String) },
    });
  });

  it("only admins manage staff; auditors read the list, support and finance do not", async () => {
    for (const role of ["finance", "support", "auditor"] as const) {
      const v = await staffViewer(role);
      await expect(
        createStaffAs(v, { email: "a@b.c", nick: "Nope", password: "long-enough-password", role: "admin" }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(changeRoleAs(v, v.id + 1, "admin")).rejects.toMatchObject({ status: 403 });
      await expect(setStaffDisabledAs(v, v.id + 1, true)).rejects.toMatchObject({ status: 403 });
    }
    expect((await listStaff(await staffViewer("auditor"))).length).toBeGreaterThan(0);
    await expect(listStaff(await staffViewer("support"))).rejects.toMatchObject({ status: 403 });
  });

  it("changes a role and disables someone (both audited, in effect at once); never one's own", async () => {
    const admin = await staffViewer("admin");
    const target = await staffViewer("support");
    expect(await changeRoleAs(admin, target.id, "finance")).toMatchObject({ status: "ok" });
    expect(await lastAudit()).toMatchObject({
      action: "staff_role_changed",
      player_id: target.id,
      details: { from: "support", to: "finance" },
    });
    expect(await changeRoleAs(admin, admin.id, "support")).toMatchObject({ status: "error" });
    expect(await changeRoleAs(admin, target.id, "owner")).toMatchObject({ status: "error" });

    await pool.query(`INSERT INTO second_factor_passes (session_id, player_id, method) VALUES ($1, $2, 'totp')`, [randomUUID(), target.id]);
    expect(await setStaffDisabledAs(admin, target.id, true)).toMatchObject({ status: "ok" });
    const after = (
      await pool.query(
        `SELECT blocked, (SELECT count(*)::int FROM second_factor_passes WHERE player_id = $1 AND ended_at IS NULL) AS live FROM players WHERE id = $1`,
        [target.id],
      )
    ).rows[0];
    expect(after).toEqual({ blocked: true, live: 0 });
    expect(await lastAudit()).toMatchObject({ action: "staff_disabled", player_id: target.id });
    expect(await setStaffDisabledAs(admin, admin.id, true)).toMatchObject({ status: "error" });
    // Not a staff page for players.
    const p = await makePlayer();
    expect(await setStaffDisabledAs(admin, p.id, true)).toMatchObject({ status: "error" });
    expect((await verifyAudit(admin)).ok).toBe(true);
  });
});

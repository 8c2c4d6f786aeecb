import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { pool } from "@/lib/db";
import { inTransaction, recordAudit } from "./audit";
import { assertCan, STAFF_ROLES, type Viewer } from "./permissions";

/**
 * The staff page: create staff members, change a role, disable or enable someone (admins only;
 * auditors may read the list). Each change and its audit row are one transaction. Nobody changes
 * their own role or disables themselves (that is how a back office locks itself out).
 */
export const ASSIGNABLE_ROLES = [...STAFF_ROLES, "player"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface StaffState {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Partial<Record<"email" | "nick" | "password" | "role", string>>;
}

export interface StaffRow {
  id: number;
  email: string;
  nick: string;
  role: string;
  blocked: boolean;
  secondFactor: boolean;
  lastSignInAt: string | null;
  lastSignInIp: string | null;
}

export async function listStaff(viewer: Viewer): Promise<StaffRow[]> {
  assertCan(viewer, "staff.view");
  const r = await pool.query<{
    id: number;
    email: string;
    nick: string;
    role: string;
    blocked: boolean;
    two_factor: boolean;
    last_at: Date | null;
    last_ip: string | null;
  }>(
    `SELECT p.id, p.email, p.nick, p.role::text AS role, p.blocked, p.totp_enabled_at IS NOT NULL AS two_factor, s.verified_at AS last_at, s.ip AS last_ip
     FROM players p LEFT JOIN LATERAL (
       SELECT verified_at, ip FROM second_factor_passes WHERE player_id = p.id ORDER BY verified_at DESC LIMIT 1) s ON true
     WHERE p.role <> 'player' ORDER BY p.role, p.email`,
  );
  return r.rows.map((x) => ({
    id: x.id,
    email: x.email,
    nick: x.nick,
    role: x.role,
    blocked: x.blocked,
    secondFactor: x.two_factor,
    lastSignInAt: x.last_at?.toISOString() ?? null,
    lastSignInIp: x.last_ip,
  }));
}

const createSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address")),
  nick: z.string().trim().min(2, "At least 2 characters").max(24, "At most 24 characters"),
  password: z.string().min(12, "At least 12 characters for a staff account").max(200),
  role: z.enum(STAFF_ROLES, "Choose a role"),
});

/** A new staff member; they set up their second factor at their first sign-in. */
export async function createStaffAs(viewer: Viewer, form: Record<string, unknown>, ctx: { ip?: string | null } = {}): Promise<StaffState> {
  const admin = assertCan(viewer, "staff.manage");
  const parsed = createSchema.safeParse({
    email: typeof form.email === "string" ? form.email : "",
    nick: typeof form.nick === "string" ? form.nick : "",
    password: typeof form.password === "string" ? form.password : "",
    role: form.role,
  });
  if (!parsed.success) {
    const fieldErrors: StaffState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof NonNullable<StaffState["fieldErrors"]>;
      fieldErrors[key] ??= issue.message;
    }
    return { status: "error", message: "Please fix the fields below.", fieldErrors };
  }
  const { email, nick, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const id = await inTransaction(async (tx) => {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO players (email, password_hash, nick, currency, role) VALUES ($1, $2, $3, 'EUR', $4::player_role) RETURNING id`,
        [email, passwordHash, nick, role],
      );
      const newId = r.rows[0]!.id;
      await tx.query(`INSERT INTO wallets (player_id, currency) VALUES ($1, 'EUR')`, [newId]);
      await recordAudit(tx, { actorId: admin.id, action: "staff_created", playerId: newId, details: { email, role }, ip: ctx.ip });
      return newId;
    });
    return { status: "ok", message: `${email} (#${id}) created as ${role}: they set up two-factor sign-in at their first sign-in.` };
  } catch (err) {
    if ((err as { code?: string }).code === "23505")
      return { status: "error", message: "Please fix the fields below.", fieldErrors: { email: "That email is taken." } };
    throw err;
  }
}

export async function changeRoleAs(viewer: Viewer, targetId: number, role: unknown, ctx: { ip?: string | null } = {}): Promise<StaffState> {
  const admin = assertCan(viewer, "staff.manage");
  if (targetId === admin.id) return { status: "error", message: "Ask another admin to change your own role." };
  if (typeof role !== "string" || !(ASSIGNABLE_ROLES as readonly string[]).includes(role))
    return { status: "error", message: "Choose a role." };
  return inTransaction(async (tx) => {
    const r = await tx.query<{ role: string }>(`SELECT role::text AS role FROM players WHERE id = $1 FOR UPDATE`, [targetId]);
    const before = r.rows[0]?.role;
    if (!before) return { status: "error", message: "Not found." } as StaffState;
    if (before === role) return { status: "ok", message: `Already ${role}.` } as StaffState;
    await tx.query(`UPDATE players SET role = $2::player_role, updated_at = now() WHERE id = $1`, [targetId, role]);
    await recordAudit(tx, {
      actorId: admin.id,
      action: "staff_role_changed",
      playerId: targetId,
      details: { from: before, to: role },
      ip: ctx.ip,
    });
    return { status: "ok", message: `Role changed from ${before} to ${role}; it applies on their next request.` } as StaffState;
  });
}

/** Disabling blocks the account (the guards read it fresh: the next request is refused) and ends its sign-ins. */
export async function setStaffDisabledAs(
  viewer: Viewer,
  targetId: number,
  disabled: boolean,
  ctx: { ip?: string | null } = {},
): Promise<StaffState> {
  const admin = assertCan(viewer, "staff.manage");
  if (targetId === admin.id) return { status: "error", message: "You cannot disable your own account." };
  return inTransaction(async (tx) => {
    const r = await tx.query(`UPDATE players SET blocked = $2, updated_at = now() WHERE id = $1 AND role <> 'player' RETURNING id`, [
      targetId,
      disabled,
    ]);
    if (!r.rowCount) return { status: "error", message: "Not a staff member." } as StaffState;
    if (disabled) await tx.query(`UPDATE second_factor_passes SET ended_at = now() WHERE player_id = $1 AND ended_at IS NULL`, [targetId]);
    await recordAudit(tx, { actorId: admin.id, action: disabled ? "staff_disabled" : "staff_enabled", playerId: targetId, ip: ctx.ip });
    return {
      status: "ok",
      message: disabled ? "Disabled: signed out everywhere, refused from the next request." : "Enabled.",
    } as StaffState;
  });
}

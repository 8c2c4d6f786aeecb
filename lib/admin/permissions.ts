import type { SessionPlayer } from "@/lib/auth/guards";

/**
 * Who may do what in the back office: the one table, and the one role check (`can`, which
 * `assertCan` throws on). Every page, layout, route handler and server action reaches it through
 * lib/admin/guard.ts on the viewer read fresh from the database; every loader calls `assertCan`
 * again with the viewer it is given. Nothing else decides.
 *
 * admin    everything, and manages staff
 * finance  adjustments and their approval, reports, the ledger
 * support  players, rounds, callbacks; block/unblock, revoke sessions, stricter RG limits; moves no money
 * auditor  reads everything, the audit trail and every export included; changes nothing
 */
export const STAFF_ROLES = ["admin", "finance", "support", "auditor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const ALL: readonly StaffRole[] = STAFF_ROLES;

export const PERMISSIONS = {
  // reading
  "backoffice.enter": ALL,
  "dashboard.view": ALL,
  "players.view": ALL,
  "rounds.view": ALL,
  "callbacks.view": ALL,
  "transactions.view": ALL,
  "transactions.export": ["admin", "finance", "auditor"],
  "reports.view": ["admin", "finance", "auditor"],
  "reports.export": ["admin", "finance", "auditor"],
  "audit.view": ["admin", "auditor"],
  "audit.export": ["admin", "auditor"],
  "audit.verify": ["admin", "auditor"],
  "staff.view": ["admin", "auditor"],
  "adjustments.view": ["admin", "finance", "auditor"],
  "wins.view": ALL,
  // acting on players
  "players.block": ["admin", "support"],
  "players.revokeSessions": ["admin", "support"],
  "players.restrictGaming": ["admin", "support"],
  // money
  "adjustments.request": ["admin", "finance"],
  "adjustments.approve": ["admin", "finance"],
  "wins.review": ["admin", "finance"],
  // the platform
  "staff.manage": ["admin"],
  "staff.resetSecondFactor": ["admin"],
  "catalog.manage": ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Viewer = SessionPlayer | null | undefined;

/** A refused back-office call: 401 anonymous, 403 signed in without the permission (or blocked). */
export class AdminAccessError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in required" : "Not allowed for your role");
    this.name = "AdminAccessError";
  }
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** Whether this viewer (read fresh from the database by the guard) holds the permission. */
export function can(viewer: Viewer, permission: Permission): boolean {
  if (!viewer || viewer.blocked || !isStaffRole(viewer.role)) return false;
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(viewer.role);
}

/** Throws AdminAccessError(401) for anonymous, (403) for anyone without the permission. */
export function assertCan(viewer: Viewer, permission: Permission): SessionPlayer {
  if (!viewer) throw new AdminAccessError(401);
  if (!can(viewer, permission)) throw new AdminAccessError(403);
  return viewer;
}

/** The permissions of a role, for the staff page's table. */
export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly StaffRole[]).includes(role));
}

import type { SessionPlayer } from "./guards";

/**
 * Who may do what in the back office: the one role check of the app. Every admin page, layout,
 * server action and route handler goes through `requireStaff` (lib/auth/staff-guard.ts), which reads
 * the viewer fresh from the database and calls `assertStaff`; the back-office loaders call
 * `assertStaff` again with the viewer they were given, so none of them can be reached without it.
 *
 * Staff roles and their permissions live in ROLE_PERMISSIONS. Today there is one staff role,
 * `admin`, holding every permission; a new role is a new row of that table.
 */
export const PERMISSIONS = [
  /** Read the back office: dashboard, transactions, rounds, players, callbacks. */
  "backoffice.read",
  /** Export data (CSV). */
  "backoffice.export",
  /** Block / unblock players. */
  "players.block",
  /** Revoke a player's game sessions. */
  "players.revoke_sessions",
  /** Manual balance adjustments. */
  "money.adjust",
  /** Reload the provider catalog now. */
  "catalog.reload",
  /** Mark a flagged win reviewed (PROTOCOL D13). */
  "rounds.review",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type StaffRole = Exclude<SessionPlayer["role"], "player">;

const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: PERMISSIONS,
};

export class StaffAccessError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in required" : "Staff only: your account may not do this");
    this.name = "StaffAccessError";
  }
}

/** The viewer as read from the database (null = anonymous). */
export type Viewer = SessionPlayer | null | undefined;

/**
 * The one role check: signed in, not blocked, a staff role that holds `permission`. Returns the
 * viewer or throws StaffAccessError (401 anonymous, 403 otherwise).
 */
export function assertStaff(viewer: Viewer, permission: Permission = "backoffice.read"): SessionPlayer {
  if (!viewer) throw new StaffAccessError(401);
  if (viewer.blocked || viewer.role === "player") throw new StaffAccessError(403);
  const granted: readonly Permission[] | undefined = ROLE_PERMISSIONS[viewer.role];
  if (!granted?.includes(permission)) throw new StaffAccessError(403);
  return viewer;
}

/** Whether the viewer passes `assertStaff` (for showing or hiding controls; never as the check itself). */
export function canStaff(viewer: Viewer, permission?: Permission): boolean {
  try {
    assertStaff(viewer, permission);
    return true;
  } catch {
    return false;
  }
}

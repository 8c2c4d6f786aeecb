import type { SessionPlayer } from "@/lib/auth/guards";

/**
 * The admin check every loader, handler and action repeats (the layout's check alone does not
 * protect a page: Next renders layouts and pages in parallel). It takes the viewer as an argument
 * so tests can call each loader with an anonymous, player or admin viewer without a request.
 */
export class AdminAccessError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in required" : "Admins only");
    this.name = "AdminAccessError";
  }
}

export type Viewer = SessionPlayer | null | undefined;

export function assertAdmin(viewer: Viewer): SessionPlayer {
  if (!viewer) throw new AdminAccessError(401);
  if (viewer.role !== "admin" || viewer.blocked) throw new AdminAccessError(403);
  return viewer;
}

export function isAdmin(viewer: Viewer): viewer is SessionPlayer {
  return Boolean(viewer && viewer.role === "admin" && !viewer.blocked);
}

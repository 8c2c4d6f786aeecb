import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { SessionPlayer } from "@/lib/auth/guards";
import { currentPlayer } from "@/lib/auth/guards";
import { isAdmin } from "./access";
import { can, type Permission } from "./permissions";

/**
 * For admin pages: anonymous → sign-in (back to `path` afterwards); a non-admin gets HTTP 403 and
 * app/forbidden.tsx (Next's `forbidden()`, enabled by experimental.authInterrupts), and nothing
 * of the page is loaded or rendered.
 */
export async function adminForPage(path: string): Promise<SessionPlayer> {
  const viewer = await currentPlayer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!isAdmin(viewer)) forbidden();
  return viewer;
}

/** As adminForPage, for a staff member holding `permission` (lib/admin/permissions.ts). */
export async function staffForPage(path: string, permission: Permission): Promise<SessionPlayer> {
  const viewer = await currentPlayer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(viewer, permission)) forbidden();
  return viewer;
}

/** Route handlers: the staff member holding `permission`, or a JSON 401/403 Response to return as is. */
export async function staffOrResponse(permission: Permission): Promise<SessionPlayer | Response> {
  const viewer = await currentPlayer();
  if (!viewer) return Response.json({ error: "Sign in required" }, { status: 401 });
  if (!can(viewer, permission)) return Response.json({ error: "Not allowed for your role" }, { status: 403 });
  return viewer;
}

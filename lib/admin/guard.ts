import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentPlayer, type SessionPlayer } from "@/lib/auth/guards";
import { AdminAccessError, assertCan, type Permission } from "./permissions";

/**
 * The back office's one guard, for each kind of entry point. All of them run `assertCan` (the one
 * role check, lib/admin/permissions.ts) on the viewer read fresh from the database by
 * `currentPlayer`: role and blocked state are never taken from the session cookie, so blocking or
 * demoting a staff member takes effect on their next request.
 */
export async function requireStaff(permission: Permission): Promise<SessionPlayer> {
  return assertCan(await currentPlayer(), permission);
}

/**
 * Pages and layouts: anonymous → sign-in (back to `path` afterwards); anyone else without the
 * permission gets HTTP 403 and app/forbidden.tsx (Next's `forbidden()`), and nothing of the page is
 * loaded. Call it in the layout AND in every page (Next renders them in parallel).
 */
export async function staffForPage(path: string, permission: Permission): Promise<SessionPlayer> {
  try {
    return await requireStaff(permission);
  } catch (err) {
    if (!(err instanceof AdminAccessError)) throw err;
    if (err.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    forbidden();
  }
}

/** Route handlers: the staff member holding `permission`, or a JSON 401/403 Response to return as is. */
export async function staffOrResponse(permission: Permission): Promise<SessionPlayer | Response> {
  try {
    return await requireStaff(permission);
  } catch (err) {
    if (!(err instanceof AdminAccessError)) throw err;
    return Response.json({ error: err.message }, { status: err.status, headers: { "cache-control": "no-store" } });
  }
}

/**
 * Server actions: `fn` runs only for a staff member holding `permission`; a refusal becomes the
 * action's error state (the form shows it) and nothing else happens.
 */
export async function staffAction<T>(
  permission: Permission,
  fn: (staff: SessionPlayer) => Promise<T>,
  refused: (message: string) => T,
): Promise<T> {
  let staff: SessionPlayer;
  try {
    staff = await requireStaff(permission);
  } catch (err) {
    if (err instanceof AdminAccessError) return refused(err.message);
    throw err;
  }
  return fn(staff);
}

import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentPlayer, type SessionPlayer } from "./guards";
import { assertStaff, type Permission, StaffAccessError } from "./staff";

/**
 * The back office's entry points, all through one check (`assertStaff`) on the viewer read fresh
 * from the database (`currentPlayer`): role and blocked state are never taken from the cookie.
 */
export async function requireStaff(permission?: Permission): Promise<SessionPlayer> {
  return assertStaff(await currentPlayer(), permission);
}

/**
 * Pages and layouts: anonymous → sign-in (back to `path` afterwards); anyone else without the
 * permission gets HTTP 403 and app/forbidden.tsx (Next's `forbidden()`), and nothing of the page
 * is loaded. Call it in the layout AND in every page (Next renders them in parallel).
 */
export async function staffPage(path: string, permission?: Permission): Promise<SessionPlayer> {
  try {
    return await requireStaff(permission);
  } catch (err) {
    if (!(err instanceof StaffAccessError)) throw err;
    if (err.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    forbidden();
  }
}

/** Route handlers: the handler runs only for staff with the permission; otherwise JSON 401/403. */
export function staffRoute<A extends unknown[]>(
  permission: Permission,
  handler: (staff: SessionPlayer, ...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    let staff: SessionPlayer;
    try {
      staff = await requireStaff(permission);
    } catch (err) {
      if (!(err instanceof StaffAccessError)) throw err;
      return Response.json({ error: err.message }, { status: err.status, headers: { "cache-control": "no-store" } });
    }
    return handler(staff, ...args);
  };
}

/**
 * Server actions: `fn` runs only for staff with the permission; a refusal becomes the action's
 * error state (the form shows it) and nothing else happens.
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
    if (err instanceof StaffAccessError) return refused(err.message);
    throw err;
  }
  return fn(staff);
}

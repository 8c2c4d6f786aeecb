import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { SessionPlayer } from "@/lib/auth/guards";
import { currentPlayer } from "@/lib/auth/guards";
import { isAdmin } from "./access";

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

import "server-only";
import { redirect } from "next/navigation";
import { currentPlayer } from "@/lib/auth/guards";
import { isAdmin } from "./access";
import type { SessionPlayer } from "@/lib/auth/guards";

/**
 * For admin pages: anonymous → sign-in (back to `path` afterwards); a non-admin gets null and the
 * page renders the 403 view instead of loading anything.
 */
export async function adminForPage(path: string): Promise<SessionPlayer | null> {
  const viewer = await currentPlayer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return isAdmin(viewer) ? viewer : null;
}

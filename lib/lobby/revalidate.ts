import "server-only";
import { revalidatePath } from "next/cache";

/** Regenerates the lobby's static HTML in every locale (app/[locale]/(site)/(lobby), one page per locale). */
export function revalidateLobby(): void {
  revalidatePath("/[locale]", "page");
}

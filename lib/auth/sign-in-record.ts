import { headers } from "next/headers";
import { recordSignIn } from "@/lib/accounts/settings";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/** Records a successful sign-in with the request's client address and browser; never fails the sign-in. */
export async function recordSignInOfRequest(playerId: number): Promise<void> {
  if (!Number.isInteger(playerId) || playerId <= 0) return;
  try {
    const h = await headers();
    await recordSignIn(playerId, clientIp(h, env.TRUSTED_PROXY_HOPS), h.get("user-agent"));
  } catch (err) {
    logger.warn({ err }, "sign-in not recorded");
  }
}

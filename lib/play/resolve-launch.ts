import "server-only";
import { getTranslations } from "next-intl/server";
import { isEmailVerified } from "@/lib/accounts/verification";
import type { SessionPlayer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { launchRefusal } from "@/lib/rg/play-session";
import { WalletError } from "@/lib/wallet/errors";
import { issueLaunch } from "@/lib/wallet/launch";
import { Code } from "@/lib/webgames/codes";
import { buildLaunchUrl, maskLaunchUrl } from "@/lib/webgames/launch-url";

/**
 * What the play page does for one request. Demo needs no account and never touches the wallet
 * (currency DMO, no token). Real money needs a signed-in, unblocked player and gets a fresh
 * one-time token from issueLaunch.
 */
export type LaunchDecision =
  | { kind: "launch"; mode: "demo" | "real"; url: string; maskedUrl: string; sessionId?: string }
  | { kind: "sign-in"; callbackUrl: string }
  | {
      kind: "refused";
      reason: "blocked" | "unavailable" | "unverified" | "timeout" | "self_exclusion" | "session_limit";
      message: string;
      until?: Date;
    };

export async function resolveLaunch(opts: {
  gameId: number;
  demo: boolean;
  player: SessionPlayer | null;
  language: string;
}): Promise<LaunchDecision> {
  if (opts.demo) {
    const url = buildLaunchUrl(
      { apiUrl: env.WEBGAMES_API_URL, partnerId: env.WEBGAMES_PARTNER_ID },
      { mode: "demo", gameId: opts.gameId, language: opts.language },
    );
    return { kind: "launch", mode: "demo", url, maskedUrl: url };
  }
  if (!opts.player) return { kind: "sign-in", callbackUrl: `/play/${opts.gameId}` };
  if (opts.player.blocked) {
    return {
      kind: "refused",
      reason: "blocked",
      message: "Your account is blocked, so real-money play is not available. Please contact support. You can still play in demo mode.",
    };
  }
  // Responsible gaming (D12): a time-out, self-exclusion or spent session-time limit refuses real money.
  const rg = await launchRefusal(opts.player.id);
  if (rg) return { kind: "refused", reason: rg.reason, message: `${rg.message} You can still play in demo mode.`, until: rg.until };
  // Real money needs a verified email (demo never does); the page offers to resend the link.
  if (!(await isEmailVerified(opts.player.id))) {
    return {
      kind: "refused",
      reason: "unverified",
      message: (await getTranslations("accounts"))("launchUnverified", { email: opts.player.email }),
    };
  }
  try {
    const launch = await issueLaunch({ playerId: opts.player.id, gameId: opts.gameId, language: opts.language });
    return { kind: "launch", mode: "real", url: launch.url, maskedUrl: maskLaunchUrl(launch.url), sessionId: launch.sessionId };
  } catch (err) {
    if (err instanceof WalletError && err.code === Code.PlayerBlocked) {
      return {
        kind: "refused",
        reason: "blocked",
        message: "Your account is blocked, so real-money play is not available. Please contact support.",
      };
    }
    if (err instanceof WalletError)
      return { kind: "refused", reason: "unavailable", message: "This game cannot be started right now. Please try again later." };
    throw err;
  }
}

const PHONE_UA = /\b(iPhone|iPod|Android.+Mobile|Windows Phone|BlackBerry|Opera Mini|IEMobile|Mobile Safari)\b/i;

/** Phones get the game page itself (server redirect); tablets and desktops get the iframe. */
export function isPhoneUserAgent(ua: string | null | undefined): boolean {
  return Boolean(ua && PHONE_UA.test(ua));
}

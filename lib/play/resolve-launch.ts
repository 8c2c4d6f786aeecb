import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isEmailVerified } from "@/lib/accounts/verification";
import type { SessionPlayer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/format";
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
  // The refusals are worded in the page's locale (the page renders `message` as is).
  const [t, locale] = await Promise.all([getTranslations("play"), getLocale()]);
  if (opts.player.blocked) return { kind: "refused", reason: "blocked", message: t("refusedBlocked") };
  // Responsible gaming (D12): a time-out, self-exclusion or spent session-time limit refuses real money.
  const rg = await launchRefusal(opts.player.id);
  if (rg) {
    const until = formatDateTime(locale, rg.until);
    const message =
      rg.reason === "session_limit"
        ? t("refusedSessionLimit", { minutes: rg.minutes, until })
        : rg.reason === "timeout"
          ? t("refusedTimeout", { until })
          : t("refusedSelfExclusion", { until });
    return { kind: "refused", reason: rg.reason, message, until: rg.until };
  }
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
      return { kind: "refused", reason: "blocked", message: t("refusedBlocked") };
    }
    if (err instanceof WalletError) return { kind: "refused", reason: "unavailable", message: t("refusedUnavailable") };
    throw err;
  }
}

const PHONE_UA = /\b(iPhone|iPod|Android.+Mobile|Windows Phone|BlackBerry|Opera Mini|IEMobile|Mobile Safari)\b/i;

/** Phones get the game page itself (server redirect); tablets and desktops get the iframe. */
export function isPhoneUserAgent(ua: string | null | undefined): boolean {
  return Boolean(ua && PHONE_UA.test(ua));
}

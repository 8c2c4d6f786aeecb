import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Email verification", robots: { index: false } };

const OUTCOMES: Record<string, { ok: boolean; title: string; text: string }> = {
  verified: { ok: true, title: "Email verified", text: "Thank you: your email is confirmed. Real-money play is open to you." },
  "email-changed": { ok: true, title: "Email changed", text: "Your account now uses the new address. We told the old one." },
  expired: { ok: false, title: "Link expired", text: "This link has expired. Have a new one sent from your account's security page." },
  used: { ok: false, title: "Link already used", text: "This link was already used. If your email is verified, nothing more to do." },
  stale: { ok: false, title: "Link out of date", text: "This link was sent to an address your account no longer uses." },
  "email-taken": { ok: false, title: "Address taken", text: "Another account uses this address now, so yours was not changed." },
  invalid: {
    ok: false,
    title: "Link not valid",
    text: "This link is not valid. Copy the whole address from the mail, or have a new one sent.",
  },
};

export default async function EmailVerifiedPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ status?: string }>;
}) {
  await pageLocale(params);
  const status = (await searchParams).status ?? "invalid";
  const outcome = OUTCOMES[status] ?? OUTCOMES.invalid!;
  return (
    <AuthCard title={outcome.title} subtitle="Email verification">
      <div data-testid="verify-outcome" data-status={status} className="space-y-4">
        <FormMessage tone={outcome.ok ? "success" : "error"}>{outcome.text}</FormMessage>
        <div className="flex gap-2">
          <Link href="/" className={buttonClass("primary")}>
            To the lobby
          </Link>
          <Link href="/account/security" className={buttonClass("secondary")}>
            Account security
          </Link>
        </div>
      </div>
    </AuthCard>
  );
}

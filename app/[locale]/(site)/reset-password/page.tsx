import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormMessage } from "@/components/ui/field";
import { checkResetLink } from "@/lib/accounts/password-reset";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

const REFUSED = {
  expired: "This reset link has expired.",
  used: "This reset link was already used.",
  invalid: "This reset link is not valid.",
};

export default async function ResetPasswordPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  await pageLocale(params);
  const token = (await searchParams).token ?? "";
  // Looking at the link does not use it (mail scanners open links); only the form does.
  const check = await checkResetLink(token);
  if (!check.ok) {
    return (
      <AuthCard title="Reset link not usable" subtitle="Reset links work once, for 30 minutes.">
        <div data-testid="reset-refused" className="space-y-4">
          <FormMessage tone="error">{REFUSED[check.reason]}</FormMessage>
          <p className="text-sm text-zinc-300">
            <Link href="/forgot-password" className="text-brand-soft underline underline-offset-4">
              Ask for a new link
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" subtitle="Setting it signs you out everywhere; then sign in with the new password.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}

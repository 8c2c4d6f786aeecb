import type { Metadata } from "next";
import Link from "next/link";
import { ResendVerification } from "@/components/account/resend-verification";
import { ChangeEmailForm, ChangePasswordForm, SignOutEverywhereForm } from "@/components/account/security-forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { describeBrowser, recentSignIns } from "@/lib/accounts/settings";
import { isEmailVerified } from "@/lib/accounts/verification";
import { requirePlayer } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Account security" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const NOTICES: Record<string, string> = {
  "password-changed": "Password changed. Every other session was signed out; this one stays signed in.",
};

export default async function SecurityPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  await pageLocale(params);
  const player = await requirePlayer("/account/security");
  const notice = NOTICES[(await searchParams).notice ?? ""];
  const [verified, signIns] = await Promise.all([isEmailVerified(player.id), recentSignIns(player.id)]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/account" className="text-brand-soft underline underline-offset-4">
            ← Your account
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-white">Account security</h1>
      </div>
      {notice ? <FormMessage tone="success">{notice}</FormMessage> : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Email">
          <p className="text-sm text-zinc-300">
            <span data-testid="account-email">{player.email}</span>{" "}
            {verified ? (
              <span data-testid="email-status" className="ml-1 rounded bg-money-win/15 px-1.5 py-0.5 text-xs text-emerald-300">
                verified
              </span>
            ) : (
              <span data-testid="email-status" className="ml-1 rounded bg-amber-500/15 px-1.5 py-0.5 text-xs text-amber-200">
                not verified
              </span>
            )}
          </p>
          {verified ? null : (
            <div className="mt-3 space-y-2">
              <p className="text-sm text-zinc-400">
                Real-money play needs a verified email. Follow the link we sent you, or have a new one sent.
              </p>
              <ResendVerification />
            </div>
          )}
          <div className="mt-6 border-t border-surface-border pt-4">
            <h3 className="mb-3 text-sm font-semibold text-white">Change email</h3>
            <ChangeEmailForm />
          </div>
        </Card>
        <Card title="Password">
          <ChangePasswordForm />
        </Card>
      </div>
      <Card title="Sessions">
        <p className="mb-3 text-sm text-zinc-400">
          Lost a device or think someone else is signed in? This ends every session of your account, this one included.
        </p>
        <SignOutEverywhereForm />
        <h3 className="mb-2 mt-6 text-sm font-semibold text-white">Recent sign-ins</h3>
        {signIns.length === 0 ? (
          <p className="text-sm text-zinc-400">No sign-ins recorded yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table data-testid="sign-ins" className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-400">
                <tr>
                  <th className="py-2 pr-4 font-medium">Time (UTC)</th>
                  <th className="py-2 pr-4 font-medium">Address</th>
                  <th className="py-2 font-medium">Browser</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-surface-border text-zinc-200">
                {signIns.map((s) => (
                  <tr key={s.id}>
                    <td className="py-2 pr-4 whitespace-nowrap">{when.format(s.at)}</td>
                    <td className="py-2 pr-4 font-mono">{s.ip ?? "unknown"}</td>
                    <td className="py-2" title={s.userAgent ?? undefined}>
                      {describeBrowser(s.userAgent)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

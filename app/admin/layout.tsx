import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { Document } from "@/components/layout/document";
import { GeistSans } from "@/components/layout/fonts";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";
import { sessionState } from "@/lib/auth/guards";
import { previousSignIn } from "@/lib/auth/two-factor";

export const metadata: Metadata = { title: { default: "Back office", template: "%s · Back office" }, robots: { index: false } };

// First of two checks: every page, handler and action under /admin checks again (layouts and
// pages render in parallel, so this one alone protects nothing).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await staffForPage("/admin", "backoffice.enter");
  // The staff member's own previous sign-in (time and address), so a sign-in they did not make shows.
  const previous = await previousSignIn(admin.id, (await sessionState())?.sessionId);
  // The back office stays English (issue 14): its own <html lang="en">, outside app/[locale].
  return (
    <Document lang="en" fontClassName={GeistSans.variable}>
      <div className="min-h-dvh">
        <header className="border-b border-surface-border bg-surface-raised">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex items-center gap-4">
              <Link href="/admin" className="font-semibold text-white">
                Back office
              </Link>
              <AdminNav
                audit={can(admin, "audit.view")}
                adjustments={can(admin, "adjustments.view")}
                reports={can(admin, "reports.view")}
                staff={can(admin, "staff.view")}
                catalog={can(admin, "catalog.manage")}
              />
            </div>
            <div className="flex items-center gap-2 text-xs text-zinc-400">
              <span>
                {admin.email} ({admin.role})
              </span>
              ·
              <span data-testid="previous-sign-in">
                {previous
                  ? `Previous sign-in ${previous.at.replace("T", " ").slice(0, 16)} UTC from ${previous.ip ?? "an unknown address"}`
                  : "First sign-in"}
              </span>
              ·
              <Link href="/" className="hover:text-white">
                Lobby
              </Link>
              ·
              <SignOutButton />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </div>
    </Document>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { Document } from "@/components/layout/document";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";

export const metadata: Metadata = { title: { default: "Back office", template: "%s · Back office" }, robots: { index: false } };

// First of two checks: every page, handler and action under /admin checks again (layouts and
// pages render in parallel, so this one alone protects nothing).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await staffForPage("/admin", "backoffice.enter");
  // The back office stays English (issue 14): its own <html lang="en">, outside app/[locale].
  return (
    <Document lang="en">
      <div className="min-h-dvh">
        <header className="border-b border-surface-border bg-surface-raised">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex items-center gap-4">
              <Link href="/admin" className="font-semibold text-white">
                Back office
              </Link>
              <AdminNav audit={can(admin, "audit.view")} />
            </div>
            <div className="text-xs text-zinc-400">
              {admin.email} ({admin.role}) ·{" "}
              <Link href="/" className="hover:text-white">
                Lobby
              </Link>
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </div>
    </Document>
  );
}

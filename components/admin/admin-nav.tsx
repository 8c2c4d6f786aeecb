"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/transactions", label: "Transactions" },
  { href: "/admin/rounds", label: "Rounds" },
  { href: "/admin/players", label: "Players" },
  { href: "/admin/callbacks", label: "Callbacks" },
  { href: "/admin/wins", label: "Wins to review" },
  { href: "/admin/catalog", label: "Catalog", only: "catalog" },
  { href: "/admin/reports", label: "Reports", only: "reports" },
  { href: "/admin/adjustments", label: "Approvals", only: "adjustments" },
  { href: "/admin/audit", label: "Audit", only: "audit" },
  { href: "/admin/staff", label: "Staff", only: "staff" },
] as const;

/** Links the viewer's role may open (decided on the server by lib/admin/permissions.ts). */
export function AdminNav({
  audit,
  adjustments,
  reports,
  staff,
  catalog,
}: {
  audit: boolean;
  adjustments: boolean;
  reports: boolean;
  staff: boolean;
  catalog: boolean;
}) {
  const path = usePathname();
  const allowed = { audit, adjustments, reports, staff, catalog };
  return (
    <nav aria-label="Back office" className="flex flex-wrap gap-1">
      {LINKS.filter((l) => !("only" in l) || allowed[l.only]).map((l) => {
        const active = l.href === "/admin" ? path === "/admin" : path.startsWith(l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-lg px-3 py-1.5 text-sm ${active ? "bg-brand text-white" : "text-zinc-300 hover:bg-surface-overlay hover:text-white"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/transactions", label: "Transactions" },
  { href: "/admin/rounds", label: "Rounds" },
  { href: "/admin/players", label: "Players" },
  { href: "/admin/callbacks", label: "Callbacks" },
  { href: "/admin/catalog", label: "Catalog" },
] as const;

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Back office" className="flex flex-wrap gap-1">
      {LINKS.map((l) => {
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

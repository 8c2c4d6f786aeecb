import type { Metadata } from "next";
import Link from "next/link";
import { Document } from "@/components/layout/document";

export const metadata: Metadata = { title: "Not found · Web Games Casino" };

// Outside the players' side (e.g. an unknown /admin/… path). Players' 404s: app/[locale]/not-found.tsx.
export default function NotFound() {
  return (
    <Document lang="en">
      <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
        <p className="font-mono text-5xl text-zinc-400">404</p>
        <h1 className="text-xl font-semibold text-white">Page not found</h1>
        <Link href="/" className="text-brand-soft underline underline-offset-4 hover:text-white">
          Back to the lobby
        </Link>
      </main>
    </Document>
  );
}

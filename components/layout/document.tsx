import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";

/**
 * <html> and <body>. app/layout.tsx only passes children through, because the players' side
 * (app/[locale]/layout.tsx) sets `lang` from its locale while the back office, 403 and 404 pages
 * are English: each of those renders this.
 */
export function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <html lang={lang} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}

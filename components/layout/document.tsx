import { GeistMono } from "./fonts";

/**
 * <html> and <body>. app/layout.tsx only passes children through, because the players' side
 * (app/[locale]/layout.tsx) sets `lang` from its locale while the back office, 403 and 404 pages
 * are English: each of those renders this.
 *
 * Text is in the device's own UI font (Roboto on Android, San Francisco on Apple, Segoe UI on
 * Windows) unless `fontClassName` brings a web font: the back office passes Geist Sans. The
 * players' side loads none, so a phone on a slow connection spends its first bytes on the games'
 * icons rather than on 70 KB of font (the lobby's largest paint is an icon; issue 14).
 */
export function Document({ lang, fontClassName, children }: { lang: string; fontClassName?: string; children: React.ReactNode }) {
  return (
    <html lang={lang} className={fontClassName ? `${fontClassName} ${GeistMono.variable}` : GeistMono.variable}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}

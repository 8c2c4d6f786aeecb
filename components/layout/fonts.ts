import localFont from "next/font/local";

/*
 * The `geist` package's two fonts, defined here rather than imported from `geist/font/*` so that
 * neither is preloaded: Next.js lists a font's preload on every page whose chunks carry its CSS,
 * which (with one shared stylesheet) is every page, including the players' side, which uses
 * neither. A font's file is fetched only where text uses it: Geist Sans in the back office (its
 * layout sets the variable), Geist Mono wherever figures are shown (balances, amounts, ids).
 * Until it arrives the fallback stack shows (`display: swap`). On the lobby, a preload would put
 * 70 KB per font in front of the first row's icons on a phone's connection (issue 14).
 */
export const GeistSans = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  preload: false,
  display: "swap",
  weight: "100 900",
});

export const GeistMono = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  preload: false,
  display: "swap",
  adjustFontFallback: false,
  fallback: [
    "ui-monospace",
    "SFMono-Regular",
    "Roboto Mono",
    "Menlo",
    "Monaco",
    "Liberation Mono",
    "DejaVu Sans Mono",
    "Courier New",
    "monospace",
  ],
  weight: "100 900",
});

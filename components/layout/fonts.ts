import localFont from "next/font/local";

/**
 * Geist Mono as the `geist` package defines it, but not preloaded: only figures use it (balances,
 * amounts, the back office's ids), and the lobby shows none to a visitor, so a preload would put
 * 70 KB in front of the first row's icons on a phone's connection. Where a page does use it, the
 * browser fetches it then and shows the fallback stack meanwhile (`display: swap`).
 */
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

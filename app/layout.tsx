import type { Viewport } from "next";
import "./globals.css";

export const viewport: Viewport = { themeColor: "#0f1117", width: "device-width", initialScale: 1 };

// A pass-through root: <html lang> is set one level down, by the players' side per locale
// (app/[locale]/layout.tsx) and by the English back office and error pages (components/layout/document.tsx).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}

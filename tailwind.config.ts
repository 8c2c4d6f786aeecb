import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css; theme tokens live here so
// components and charts share one palette.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        surface: { DEFAULT: "#0f1117", raised: "#171a23", overlay: "#1f2330", border: "#2a2f3d" },
        brand: { DEFAULT: "#6a47ff", strong: "#5b3ad6", soft: "#a896ff" },
        money: { win: "#22c55e", loss: "#f43f5e" },
      },
      fontFamily: {
        // Geist where a layout loads it (the back office), else the device's UI font (components/layout/document.tsx).
        sans: ["var(--font-geist-sans, system-ui)", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
    },
  },
} satisfies Config;

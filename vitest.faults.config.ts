import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * `npm run test:faults`: the fault suite (tests/faults) and the HTTP-level security suite (tests/http:
 * attacks over real sockets from other loopback addresses against the production server). Each file starts its own PostgreSQL,
 * production app instance(s) and simulator, kills and restarts them; files run one at a time so
 * that timings mean something on 2 cores. Excluded from the default `vitest run`.
 */
export default defineConfig({
  // The same module aliases as the main suite (`@`, `server-only`).
  resolve: base.resolve,
  test: {
    include: ["tests/faults/**/*.test.ts", "tests/http/**/*.test.ts"],
    globalSetup: ["tests/faults/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: "test" },
  },
});

import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the PRODUCTION build (`npm test` builds it into .next-test first) with the
 * provider simulator. `webServer` runs scripts/e2e-server.ts, which starts an embedded PostgreSQL
 * (temp dir, seeded with prisma/seed.ts accounts), the simulator and `next start`; see the top of
 * that file for what it offers.
 *
 * Ports and env (override when they clash with something else on the machine):
 *   E2E_PORT          app, default 3100 (a second "dead provider" instance may use E2E_PORT+1)
 *   E2E_CONTROL_PORT  loopback control server, default 3199: GET /state gives
 *                     {appUrl, simUrl, databaseUrl, apiKey, partnerId}; POST /sim/stop, /sim/start,
 *                     /instances/dead-provider
 *   E2E_DIST_DIR      build folder, default .next-test;  E2E_SIM_GAMES catalog size, default 400
 * The test process gets the server's DATABASE_URL, WEBGAMES_API_URL, WEBGAMES_PARTNER_ID and
 * WEBGAMES_API_KEY (= "e2e-secret") as env, so specs may import lib/ code (lib/db, signature) that
 * talks to the same database and signs like the simulator. Workers load this file after the
 * server is up, so they read the state file it wrote.
 * Specs use e2e/support/ (e2eState(), signIn(), db helpers on the test database). Tests share one
 * database: create your own players (signUp) or use seed accounts without mutating them for others.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const controlPort = Number(process.env.E2E_CONTROL_PORT ?? 3199);
process.env.E2E_CONTROL_URL ??= `http://127.0.0.1:${controlPort}`;
const stateFile = path.join(tmpdir(), `webgames-e2e-${port}.state.json`);
if (existsSync(stateFile)) {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as { databaseUrl: string; simUrl: string; apiKey: string; partnerId: string };
  process.env.DATABASE_URL = state.databaseUrl;
  process.env.WEBGAMES_API_URL = state.simUrl;
  process.env.WEBGAMES_API_KEY = state.apiKey;
  process.env.WEBGAMES_PARTNER_ID = state.partnerId;
}

const chromium = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  // No retries, in CI too: a retry turns a flaky test into a pass and hides the bug it found.
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, testIgnore: /(mobile|lobby-control)\.spec\.ts/ },
    // Pixel 7: phone user agent, touch and a narrow viewport, in Chromium.
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: /mobile\.spec\.ts/ },
    // Hides, features and re-studios games in the shared database: runs alone, after everything else.
    {
      name: "lobby-control",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      testMatch: /lobby-control\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: {
    // One node process (no npx/tsx wrapper) so the shutdown signal reaches the script itself.
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${controlPort}/ready`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});

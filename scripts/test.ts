import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { HERMETIC_BUILD_ENV } from "./lib/app-server";

/**
 * `npm test`: every test, in the order that fails fastest.
 *  0. lint and format check (Biome, `npm run lint`);  1. typecheck;  2. Vitest (unit, wallet, simulator) on an embedded PostgreSQL;
 *  3. a production build, then the conformance checker over HTTP against it, then the fault suite
 *     (tests/faults: kill -9, PostgreSQL restart, pool exhaustion, deadlock, two instances; ~2 min),
 *     then Playwright against it with the simulator (e2e/).
 */
const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv }, cwd: root });
  console.log(`━━ ${title}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run("lint (biome check)", bin("biome"), ["check", "."]);
run("typecheck", bin("tsc"), ["--noEmit"]);
run("vitest", bin("vitest"), ["run"]);
const specs = existsSync(path.join(root, "e2e")) ? readdirSync(path.join(root, "e2e")).filter((f) => f.endsWith(".spec.ts")) : [];
run("next build (production, for the HTTP-level suites)", bin("next"), ["build"], { ...HERMETIC_BUILD_ENV, NEXT_DIST_DIR: ".next-test" });
run("partner API bundle (server.mjs's callback handler)", bin("tsx"), ["scripts/build-partner-api.ts", ".next-test"]);
run("conformance: sim:check against the production app", bin("tsx"), ["scripts/conformance.ts"], { CONFORMANCE_DIST_DIR: ".next-test" });
run("fault suite (tests/faults) against the production build", bin("vitest"), ["run", "--config", "vitest.faults.config.ts"], {
  FAULTS_DIST_DIR: ".next-test",
});
if (specs.length > 0) run("playwright", bin("playwright"), ["test"]);

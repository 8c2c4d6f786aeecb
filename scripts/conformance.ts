import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuild, productionEnv, ROOT, startApp } from "./lib/app-server";
import { startThrowawayDatabase } from "./lib/embedded-pg";
import { freePort } from "./lib/ports";
import { stopChild } from "./lib/processes";

/**
 * `npm run test:conformance`: the simulator's conformance checker (`sim:check`) against this app's
 * production build over real HTTP, as a partner would run it before going live. Every case must
 * pass and none may be left "not run" (the blocked-player case gets a launch issued before the block).
 */
const distDir = process.env.CONFORMANCE_DIST_DIR ?? ".next-test";
const db = await startThrowawayDatabase("wg-conformance", "conformance");
let exitCode = 1;
try {
  const databaseUrl = db.url;
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const providerUrl = "http://127.0.0.1:9";
  const env = productionEnv({ databaseUrl, providerUrl, appUrl, distDir });
  Object.assign(process.env, { DATABASE_URL: databaseUrl, WEBGAMES_API_URL: providerUrl, WEBGAMES_API_KEY: env.WEBGAMES_API_KEY });

  const { createPlayer } = await import("@/lib/players/create-player");
  const { issueLaunch, setBlocked } = await import("@/lib/wallet/launch");
  const { pool } = await import("@/lib/db");
  await createPlayer({
    email: "checker@conformance.local",
    password: "checker-password",
    nick: "Checker",
    currency: "EUR",
    openingBalance: "100.00",
  });
  const blocked = await createPlayer({
    email: "blocked@conformance.local",
    password: "checker-password",
    nick: "Blocked",
    currency: "EUR",
    openingBalance: "10.00",
  });
  const blockedLaunch = await issueLaunch({ playerId: blocked.id, gameId: 2 });
  await setBlocked(blocked.id, true);
  await pool.end();

  ensureBuild(distDir);
  const app = await startApp(port, env);
  try {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const launchCmd = `${tsx} ${path.join(ROOT, "scripts/launch-url.ts")} --email checker@conformance.local --game 2`;
    const r = spawnSync(
      tsx,
      [
        path.join(ROOT, "sim/check.ts"),
        "--url",
        `${appUrl}/api/callbacks`,
        "--key",
        env.WEBGAMES_API_KEY!,
        "--launch-cmd",
        launchCmd,
        "--blocked-launch",
        blockedLaunch.url,
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
    );
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    const summary = /(\d+) passed, (\d+) failed(?:, (\d+) not run)?/.exec(r.stdout);
    if (r.status === 0 && summary && summary[2] === "0" && !summary[3]) {
      console.log(`conformance: all ${summary[1]} cases passed`);
      exitCode = 0;
    } else {
      console.error("conformance: FAILED (see the table above)");
    }
  } finally {
    await stopChild(app);
  }
} finally {
  await db.stop();
}
process.exit(exitCode);

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Simulator, startSimulator } from "../sim/server";
import { ensureBuild, serverCommand } from "./lib/app-server";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-pg";
import { startMailSink } from "./lib/mail-sink";
import { migrate } from "./lib/migrate";
import { freePort } from "./lib/ports";
import { type Child, killLeftovers, recordPids, startChild, stopChild, waitForHttp } from "./lib/processes";

/**
 * The browser tests' world, started by Playwright's `webServer` (see playwright.config.ts):
 *  1. an embedded PostgreSQL in a temp dir on a free port; database `e2e` migrated and seeded;
 *  2. the provider simulator in-process on a free port, its partner 1 pointing at the app, and a
 *     real SMTP server (scripts/lib/mail-sink.ts, with AUTH) that receives and parses the app's mail;
 *  3. server.mjs serving the production build in E2E_DIST_DIR (default .next-test; built here if
 *     missing) on E2E_PORT (default 3100), NODE_ENV=production, every secret set explicitly;
 *  4. a loopback control server on E2E_CONTROL_PORT (default 3199):
 *       GET  /ready                    200 once everything above answers (Playwright waits on it)
 *       GET  /mail?to=<address>        the mails received for that address, parsed (subject, text, html, links)
 *       GET  /state                    {appUrl, simUrl, databaseUrl, apiKey, partnerId} (also written
 *                                      to STATE_FILE, which playwright.config.ts turns into the test
 *                                      process's DATABASE_URL / WEBGAMES_* env)
 *       POST /sim/stop | /sim/start    stop/restart the simulator (same port)
 *       POST /instances/dead-provider  a second app instance (E2E_PORT+1), same database and
 *                                      secrets, provider URL pointing at a closed port → {url}
 * Everything stops on SIGTERM/SIGINT; a run after a kill -9 cleans up what the last one left.
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 3199);
const DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-test";
const SIM_GAMES = Number(process.env.E2E_SIM_GAMES ?? 400);
const PIDS_FILE = path.join(tmpdir(), `webgames-e2e-${APP_PORT}.pids.json`);
/** Read by playwright.config.ts in every worker: exports DATABASE_URL etc. to the test process. */
export const STATE_FILE = path.join(tmpdir(), `webgames-e2e-${APP_PORT}.state.json`);
const PARTNER_ID = "1";
const API_KEY = "e2e-secret";
const AUTH_SECRET = randomBytes(33).toString("base64");
const log = (msg: string) => console.log(`[e2e] ${msg}`);

const DIR_FILE = path.join(tmpdir(), `webgames-e2e-${APP_PORT}.dir`);

// A run killed hard (SIGKILL) leaves processes, its temp dir and a stale state file behind.
killLeftovers(PIDS_FILE);
if (existsSync(DIR_FILE)) rmSync(readFileSync(DIR_FILE, "utf8").trim(), { recursive: true, force: true });
rmSync(STATE_FILE, { force: true });

// npm test builds before Playwright; a standalone `playwright test` builds here if needed.
ensureBuild(DIST_DIR);

const dir = await mkdtemp(path.join(tmpdir(), "wg-e2e-"));
writeFileSync(DIR_FILE, dir);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
await ensureDatabase(pg.baseUrl, "e2e");
const databaseUrl = pg.urlFor("e2e");
await migrate(databaseUrl);
process.env.DATABASE_URL = databaseUrl; // before lib/env is first imported (by the seed)
const { seed } = await import("../prisma/seed");
await seed(() => {});
const { pool } = await import("../lib/db");
await pool.end();

const appUrl = `http://127.0.0.1:${APP_PORT}`;
const simPort = await freePort();
const simOptions = {
  port: simPort,
  games: SIM_GAMES,
  partners: [{ partnerId: PARTNER_ID, apiKey: API_KEY, apiUrl: `${appUrl}/api/callbacks` }],
  log: () => {},
};
let sim: Simulator | null = await startSimulator(simOptions);
const mail = await startMailSink({ auth: { user: "e2e-mailer", pass: randomBytes(12).toString("hex") } });
const simUrl = sim.url;
// The extended catalog spreadsheet lives on the provider's host (a dead provider: a dead sheet too).
const sheetPath = new URL(sim.sheetUrl).pathname;
const sheetUrlOf = (providerUrl: string) => `${providerUrl}${sheetPath}?format=csv`;

function appEnv(providerUrl: string, url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    WEBGAMES_API_URL: providerUrl,
    WEBGAMES_EXTENDED_CATALOG_URL: sheetUrlOf(providerUrl),
    WEBGAMES_PARTNER_ID: PARTNER_ID,
    WEBGAMES_API_KEY: API_KEY,
    AUTH_SECRET,
    APP_URL: url,
    SMTP_URL: mail.url,
    MAIL_FROM: "Web Games Casino <no-reply@casino.test>",
    DEMO_CASHIER: "true",
    // Every browser test signs up from 127.0.0.1; the limit itself is proven in tests/lobby/rate-limit.test.ts.
    SIGNUP_LIMIT_PER_ADDRESS: "1000",
    // Two browser workers sign up and in back to back; the rate bound itself is proven in
    // tests/auth/password-work.test.ts and measured by `npm run bench:callbacks -- --auth-flood`.
    PASSWORD_WORK_PER_SECOND: "100",
  };
}

const children: Child[] = [];
async function startApp(port: number, providerUrl: string): Promise<Child> {
  const url = `http://127.0.0.1:${port}`;
  const [cmd, args] = serverCommand(port);
  const child = startChild(`app:${port}`, cmd, args, appEnv(providerUrl, url), {
    quiet: true,
  });
  children.push(child);
  recordPids(PIDS_FILE, children);
  await waitForHttp(`${url}/help`, 60_000);
  return child;
}

await startApp(APP_PORT, simUrl);
// Warm up: load the catalog (stores the snapshot) and regenerate the lobby's static HTML with it.
await fetch(`${appUrl}/api/catalog?v=`).then((r) => r.text());
for (let i = 0; i < 40 && !(await (await fetch(`${appUrl}/`)).text()).includes('data-testid="game-tile"'); i++)
  await new Promise((r) => setTimeout(r, 250));
log(`app ${appUrl} · simulator ${simUrl} (${SIM_GAMES} games) · control http://127.0.0.1:${CONTROL_PORT}`);

let deadProviderUrl: string | null = null;
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = `${req.method} ${req.url}`;
  if (route === "GET /ready") return json(res, 200, { ok: true });
  if (req.method === "GET" && req.url?.startsWith("/mail?")) {
    const to = new URL(req.url, "http://control").searchParams.get("to") ?? "";
    return json(res, 200, { mails: mail.to(to) });
  }
  if (route === "GET /state") return json(res, 200, { appUrl, simUrl, databaseUrl, apiKey: API_KEY, partnerId: PARTNER_ID });
  if (route === "POST /sim/stop") {
    await sim?.close();
    sim = null;
    return json(res, 200, { ok: true });
  }
  if (route === "POST /sim/start") {
    sim ??= await startSimulator(simOptions);
    return json(res, 200, { ok: true });
  }
  if (route === "POST /instances/dead-provider") {
    if (!deadProviderUrl) {
      const port = APP_PORT + 1;
      await startApp(port, `http://127.0.0.1:${await freePort()}`);
      deadProviderUrl = `http://127.0.0.1:${port}`;
    }
    return json(res, 200, { url: deadProviderUrl });
  }
  json(res, 404, { error: "unknown control route" });
}
await writeFile(STATE_FILE, JSON.stringify({ appUrl, simUrl, databaseUrl, apiKey: API_KEY, partnerId: PARTNER_ID }));

const controlServer = createServer((req, res) => {
  control(req, res).catch((err: unknown) => json(res, 500, { error: String(err) }));
});
await new Promise<void>((resolve) => controlServer.listen(CONTROL_PORT, "127.0.0.1", resolve));

let stopping = false;
const within = (p: Promise<unknown>, ms: number) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // The state file first: nothing may pick up a server that is going away.
  rmSync(STATE_FILE, { force: true });
  controlServer.close();
  await within(Promise.all(children.map((c) => stopChild(c))), 6_000);
  await within(sim?.close() ?? Promise.resolve(), 2_000);
  await within(mail.close(), 2_000);
  await within(pg.stop(), 5_000);
  rmSync(dir, { recursive: true, force: true });
  rmSync(PIDS_FILE, { force: true });
  rmSync(DIR_FILE, { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
for (const c of children) void c.exited.then((code) => !stopping && log(`${c.name} exited with ${code}`));

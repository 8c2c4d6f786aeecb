import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DEV_DATABASE_PORT } from "@/lib/dev-database";
import { env, isConfigured } from "@/lib/env";
import { SHEET_ID } from "../sim/catalog";
import { ensureDatabase, type RunningPostgres, startEmbeddedPostgres } from "./lib/embedded-pg";
import { migrate } from "./lib/migrate";
import { type Child, killLeftovers, recordPids, startChild, stopChild } from "./lib/processes";

/**
 * `npm run dev`: the whole thing on one machine.
 *  1. PostgreSQL: embedded, data kept under .data/pg (unless DATABASE_URL is set);
 *  2. migrations, then the idempotent seed (demo accounts in the README);
 *  3. the provider simulator on :4010 (unless WEBGAMES_API_URL is set);
 *  4. a mail catcher (maildev: SMTP on :1025, inbox at http://localhost:1080) unless SMTP_URL is set;
 *  5. Next on :3000, through server.mjs (the real client address, docs/protocol.md D14).
 * Ctrl-C stops everything; after a kill -9, the next run cleans up what was left and comes up.
 */
const DEV_MAIL_SMTP_PORT = 1025;
const DEV_MAIL_WEB_PORT = 1080;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const pidFile = path.join(dataDir, "dev-pids.json");
mkdirSync(dataDir, { recursive: true });
killLeftovers(pidFile);

const children: Child[] = [];
let pgServer: RunningPostgres | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping…");
  await Promise.all(children.map((c) => stopChild(c)));
  if (pgServer) await pgServer.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

let databaseUrl = env.DATABASE_URL;
if (!isConfigured("DATABASE_URL")) {
  pgServer = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: DEV_DATABASE_PORT, persistent: true });
  await ensureDatabase(pgServer.baseUrl, "webgames");
  databaseUrl = pgServer.urlFor("webgames");
  console.log(`postgres: embedded on :${DEV_DATABASE_PORT}${pgServer.reused ? " (reused the running server)" : ""}, data in .data/pg`);
}

const migrations = await migrate(databaseUrl, (m) => console.log(`migrations: ${m}`));
console.log(`migrations: ${migrations.applied.length} applied, ${migrations.skipped} up to date`);

const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
process.env.DATABASE_URL = databaseUrl;
const { seed } = await import("../prisma/seed");
await seed((m) => console.log(`seed: ${m}`));
const { pool } = await import("@/lib/db");
await pool.end();

const tsx = path.join(root, "node_modules/.bin/tsx");
const appUrl = new URL(env.APP_URL);
if (!isConfigured("WEBGAMES_API_URL") && existsSync(path.join(root, "sim/server.ts"))) {
  const simPort = new URL(env.WEBGAMES_API_URL).port || "4010";
  // The extended catalog takes the production path: the simulator's spreadsheet, as a CSV export link.
  childEnv.WEBGAMES_EXTENDED_CATALOG_URL ??= `${env.WEBGAMES_API_URL}/spreadsheets/d/${SHEET_ID}/export?format=csv`;
  children.push(
    startChild("sim", tsx, [path.join(root, "sim/server.ts"), "--port", simPort], {
      ...childEnv,
      SIM_PARTNER_ID: env.WEBGAMES_PARTNER_ID,
      SIM_API_KEY: env.WEBGAMES_API_KEY,
      SIM_PARTNER_API_URL: `${env.APP_URL}/api/callbacks`,
    }),
  );
}
let mailInbox = "(SMTP_URL is set: mail goes to your server)";
if (!isConfigured("SMTP_URL")) {
  // Every mail the app sends lands here, in a web inbox: nothing leaves the machine.
  const maildev = path.join(root, "node_modules/.bin/maildev");
  const args = [
    "--smtp",
    String(DEV_MAIL_SMTP_PORT),
    "--web",
    String(DEV_MAIL_WEB_PORT),
    "--ip",
    "127.0.0.1",
    "--web-ip",
    "127.0.0.1",
    "--silent",
  ];
  children.push(startChild("mail", maildev, args, childEnv));
  childEnv.SMTP_URL = `smtp://127.0.0.1:${DEV_MAIL_SMTP_PORT}`;
  mailInbox = `http://localhost:${DEV_MAIL_WEB_PORT}`;
}
// server.mjs --dev: `next dev` behind the server that records each request's TCP peer (D14).
children.push(startChild("next", process.execPath, [path.join(root, "server.mjs"), "--dev", "--port", appUrl.port || "3000"], childEnv));
recordPids(pidFile, children);
console.log(
  `\n  app:       ${env.APP_URL}\n  provider:  ${env.WEBGAMES_API_URL}\n  extended:  ${childEnv.WEBGAMES_EXTENDED_CATALOG_URL ?? "(none)"}\n  mail:      ${mailInbox}\n  Ctrl-C to stop\n`,
);

const first = await Promise.race(children.map((c) => c.exited.then((code) => ({ c, code }))));
if (!stopping) {
  console.error(`${first.c.name} exited (code ${first.code}); stopping the rest`);
  await shutdown(1);
}

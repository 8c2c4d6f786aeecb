import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { playSession } from "../../sim/bot";
import type { FaultConfig } from "../../sim/config";
import type { LedgerEntry } from "../../sim/ledger";
import { Ledger } from "../../sim/ledger";
import { PartnerClient } from "../../sim/partner-client";
import { type Simulator, startSimulator } from "../../sim/server";
import { productionEnv, ROOT, serverCommand } from "./app-server";
import { ensureDatabase, type RunningPostgres, startEmbeddedPostgres } from "./embedded-pg";
import { migrate } from "./migrate";
import { freePort } from "./ports";
import { type Child, stopChild, waitForHttp } from "./processes";

/**
 * A whole deployment on loopback for fault tests and the soak: one embedded PostgreSQL (persistent
 * data dir in a temp folder, so it can be stopped and started again on the same port), N server.mjs
 * instances of one production build, the provider simulator in this process spreading callbacks
 * over the instances, and players with authorized game sessions. Everything it starts is stopped by
 * `close()`, which is safe to call after any failure.
 */
export const FAULT_API_KEY = "fault-secret";
export const FAULT_GAME = 11;

export interface RigPlayer {
  id: number;
  token: string;
  /** Launch URL path + query, relative to the simulator. */
  launchPath: string;
  /** The simulator's game session, once launched. */
  sessionId: string | null;
}

export interface RigApp {
  port: number;
  url: string;
  logFile: string;
  child: Child | null;
}

export interface RigOptions {
  distDir: string;
  apps?: number;
  players?: number;
  openingBalance?: string;
  /** DATABASE_POOL_SIZE of every instance (default: the app's own default). */
  poolSize?: number;
  faults?: Partial<FaultConfig>;
  appEnv?: Record<string, string>;
  /** Launch every player's game on the simulator (Authorization through the app). Default true. */
  launch?: boolean;
  seed?: number;
}

// If the test process dies without close() (a crashed worker, Ctrl-C), do not leave detached
// `next start` groups behind: kill them on the way out (synchronous, so it runs in 'exit').
const liveGroups = new Set<number>();
process.once("exit", () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {}
  }
});

export class Rig {
  readonly dir = mkdtempSync(path.join(tmpdir(), "wg-faults-"));
  pg: RunningPostgres | null = null;
  pgPort = 0;
  dbUrl = "";
  /** The rig's own connections for assertions (not the app's). */
  db!: pg.Pool;
  apps: RigApp[] = [];
  sim!: Simulator;
  players: RigPlayer[] = [];
  /** Partner calls the simulator has finished (= the seq of its latest ledger entry); cheap to read. */
  callsFinished = 0;
  private env: Record<string, string> = {};
  private closed = false;

  static async start(opts: RigOptions): Promise<Rig> {
    const rig = new Rig();
    try {
      await rig.init(opts);
    } catch (err) {
      await rig.close();
      throw err;
    }
    return rig;
  }

  private async init(opts: RigOptions): Promise<void> {
    this.pgPort = await freePort();
    await this.startPg();
    await ensureDatabase(this.pg!.baseUrl, "faults");
    this.dbUrl = this.pg!.urlFor("faults");
    await migrate(this.dbUrl);
    this.db = new pg.Pool({ connectionString: this.dbUrl, max: 4, connectionTimeoutMillis: 2000 });
    this.db.on("error", () => {}); // idle clients die when the test restarts PostgreSQL

    for (let i = 0; i < (opts.apps ?? 1); i++) {
      const port = await freePort();
      this.apps.push({ port, url: `http://127.0.0.1:${port}`, logFile: path.join(this.dir, `app-${port}.log`), child: null });
    }
    this.sim = await startSimulator({
      port: 0,
      partners: [{ partnerId: 1, apiKey: FAULT_API_KEY, apiUrl: this.apps.map((a) => `${a.url}/api/callbacks`) }],
      faults: opts.faults ?? {},
      log: () => void this.callsFinished++,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    });

    this.env = productionEnv({
      databaseUrl: this.dbUrl,
      providerUrl: this.sim.url,
      sheetUrl: this.sim.sheetUrl,
      appUrl: this.apps[0]!.url,
      distDir: opts.distDir,
      extra: {
        WEBGAMES_API_KEY: FAULT_API_KEY,
        ...(opts.poolSize ? { DATABASE_POOL_SIZE: String(opts.poolSize) } : {}),
        ...opts.appEnv,
      },
    });
    await Promise.all(this.apps.map((_, i) => this.startApp(i)));

    // lib/* reads its env once, at import: point it at this rig's database first.
    process.env.DATABASE_URL = this.dbUrl;
    process.env.WEBGAMES_API_KEY = FAULT_API_KEY;
    process.env.WEBGAMES_API_URL = this.sim.url;
    const { createPlayer } = await import("@/lib/players/create-player");
    const { issueLaunch } = await import("@/lib/wallet/launch");
    const tag = randomBytes(4).toString("hex");
    for (let i = 0; i < (opts.players ?? 4); i++) {
      const { id } = await createPlayer({
        email: `fault-${tag}-${i}@faults.local`,
        password: "fault-password",
        nick: `Fault ${i}`,
        currency: "EUR",
        openingBalance: opts.openingBalance ?? "100000.00",
      });
      const launch = await issueLaunch({ playerId: id, gameId: FAULT_GAME });
      const u = new URL(launch.url);
      this.players.push({ id, token: launch.token, launchPath: u.pathname + u.search, sessionId: null });
    }
    if (opts.launch ?? true) await Promise.all(this.players.map((p) => this.launch(p)));
  }

  /** GETs the launch URL on the simulator like a browser: the simulator sends Authorization. */
  async launch(p: RigPlayer): Promise<void> {
    const s = await playSession({ simUrl: this.sim.url, launchUrl: p.launchPath, spins: 0, bet: "1" });
    if (!s.launched || !s.sessionId) throw new Error(`launch failed for player ${p.id}: ${JSON.stringify(s.launchError)}`);
    p.sessionId = s.sessionId;
  }

  async startPg(): Promise<void> {
    this.pg = await startEmbeddedPostgres({ dataDir: path.join(this.dir, "pg"), port: this.pgPort, persistent: true });
  }

  async stopPg(): Promise<void> {
    const running = this.pg;
    this.pg = null;
    await running?.stop();
  }

  async startApp(i: number): Promise<void> {
    const app = this.apps[i]!;
    const out = openSync(app.logFile, "a");
    const [cmd, args] = serverCommand(app.port);
    const proc = spawn(cmd, args, {
      cwd: ROOT,
      env: this.env as NodeJS.ProcessEnv,
      detached: true, // own process group: a kill reaches next-server too
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    if (proc.pid) liveGroups.add(proc.pid);
    const exited = new Promise<number | null>((resolve) =>
      proc.on("exit", (code) => {
        if (proc.pid) liveGroups.delete(proc.pid);
        resolve(code);
      }),
    );
    app.child = { name: `app:${app.port}`, proc, exited };
    // Fail fast (with the server's own words) when `next start` exits instead of listening.
    const died = exited.then((code) => {
      throw new Error(`next start on :${app.port} exited (${code}) before answering:\n${this.appLog(i).slice(-2000)}`);
    });
    died.catch(() => {}); // a later, intentional kill is not an error
    await Promise.race([waitForHttp(`${app.url}/api/bench/echo`, 60_000), died]);
  }

  /** kill -9 of the whole `next start` process group. */
  async killApp(i: number): Promise<void> {
    const child = this.apps[i]!.child;
    if (!child?.proc.pid || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
    try {
      process.kill(-child.proc.pid, "SIGKILL");
    } catch {}
    await child.exited;
    this.apps[i]!.child = null;
  }

  /** PIDs of an instance's process group, with VmRSS in KiB and the process name. */
  appProcesses(i: number): { pid: number; name: string; rssKb: number }[] {
    const pgid = this.apps[i]?.child?.proc.pid;
    if (!pgid) return [];
    const out: { pid: number; name: string; rssKb: number }[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) continue; // field 5 of stat: process group
        const status = readFileSync(`/proc/${entry}/status`, "utf8");
        const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
        const name = /Name:\s+(.*)/.exec(status)?.[1] ?? "?";
        out.push({ pid: Number(entry), name, rssKb: Number(rss ?? 0) });
      } catch {}
    }
    return out;
  }

  /** Resident memory (KiB) of the instance's next-server process (the largest in its group). */
  serverRssKb(i = 0): number {
    return Math.max(0, ...this.appProcesses(i).map((p) => p.rssKb));
  }

  appLog(i: number): string {
    try {
      return readFileSync(this.apps[i]!.logFile, "utf8");
    } catch {
      return "";
    }
  }

  /** Credit/Debit calls the simulator made (one per logical call, final code). */
  moneyCalls(): LedgerEntry[] {
    return this.sim.ledger.list().filter((e) => e.method !== "Authorization");
  }

  /**
   * The provider's own follow-up of calls that did not end in code 0: resend the same logical call
   * (same ids, amount, token, hash) until it is answered. Returns the calls with their final codes.
   */
  async retryFailed(calls: LedgerEntry[], opts: { retries?: number } = {}): Promise<{ calls: LedgerEntry[]; retried: LedgerEntry[] }> {
    const partner = this.sim.partners.get("1")!;
    const client = new PartnerClient(
      { ...partner, faults: { retries: opts.retries ?? 6, timeoutMs: 5000, duplicateRate: 0, slowMs: 0 }, nextUrl: 0 },
      new Ledger(),
      () => {},
    );
    const tokens = new Map(this.players.map((p) => [String(p.id), p.token]));
    const out: LedgerEntry[] = [];
    const retried: LedgerEntry[] = [];
    for (const c of [...calls].sort((a, b) => a.seq - b.seq)) {
      if (c.code === 0 || c.method === "Authorization") {
        out.push(c);
        continue;
      }
      const token = tokens.get(c.player_id);
      if (!token) throw new Error(`no token for player ${c.player_id}`);
      const a = await client.call(c.method, {
        player_id: c.player_id,
        game_id: c.game_id,
        round_id: c.round_id ?? undefined,
        transaction_id: c.transaction_id ?? undefined,
        amount: c.amount ?? undefined,
        bet_amount: c.bet_amount ?? undefined,
        is_close: c.is_close ?? undefined,
        token,
      });
      const fixed = { ...c, code: a.code, message: a.message, balance: a.balance };
      out.push(fixed);
      retried.push(fixed);
    }
    return { calls: out, retried };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const app of this.apps) if (app.child) await stopChild(app.child, 3000).catch(() => {});
    await this.sim?.close().catch(() => {});
    try {
      const { pool } = await import("@/lib/db");
      await pool.end();
    } catch {}
    await this.db?.end().catch(() => {});
    await this.pg?.stop().catch(() => {});
    try {
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
    } catch {}
  }
}

/**
 * A player at the game page who keeps pressing spin until told to stop (bounded by maxSpins and a
 * per-spin timeout): a steady stream of Credit/Debit calls through the simulator.
 */
export interface SpinStream {
  stop(): void;
  done: Promise<{ spins: number; failed: number }>;
}

export function streamSpins(
  simUrl: string,
  sessionId: string,
  opts: { bet?: string; maxSpins?: number; pauseMs?: number; spinTimeoutMs?: number } = {},
): SpinStream {
  let stopped = false;
  const done = (async () => {
    let spins = 0;
    let failed = 0;
    while (!stopped && spins < (opts.maxSpins ?? 10_000)) {
      try {
        const r = await fetch(`${simUrl}/play/spin`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ session: sessionId, bet: opts.bet ?? "1" }),
          signal: AbortSignal.timeout(opts.spinTimeoutMs ?? 90_000),
        });
        const a = (await r.json()) as { ok?: boolean };
        if (!a.ok) failed++;
      } catch {
        failed++;
      }
      spins++;
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
    return { spins, failed };
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `pred` holds, polling; throws after timeoutMs. */
export async function waitUntil(pred: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildPartnerApi, PARTNER_API_BUNDLE } from "../build-partner-api";
import { type Child, startChild, waitForHttp } from "./processes";

/**
 * A production build of the app served by server.mjs on a given port, for benchmarks and fault tests.
 * Every secret is passed explicitly: production refuses to start without them.
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT = path.join(ROOT, "node_modules/.bin/next");
const SERVER = path.join(ROOT, "server.mjs");

/**
 * The command that serves the app: server.mjs, Next's handler behind a Node server that writes the
 * TCP peer's address where no client can (docs/protocol.md D14). Every rig uses it, never `next start`.
 */
export function serverCommand(port: number, opts: { dev?: boolean; hostname?: string } = {}): [string, string[]] {
  // APP_NODE_ARGS: extra Node flags for the app process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (NODE_OPTIONS refuses --cpu-prof): how docs/operations.md's server profile was taken.
  const nodeArgs = process.env.APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  return [
    process.execPath,
    [...nodeArgs, SERVER, "--port", String(port), "--hostname", opts.hostname ?? "127.0.0.1", ...(opts.dev ? ["--dev"] : [])],
  ];
}

export function productionEnv(opts: {
  databaseUrl: string;
  providerUrl: string;
  /** The extended catalog spreadsheet (the simulator's `sheetUrl`); none if omitted. */
  sheetUrl?: string;
  appUrl: string;
  distDir: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) base[k] = v;
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: opts.distDir,
    DATABASE_URL: opts.databaseUrl,
    WEBGAMES_API_URL: opts.providerUrl,
    WEBGAMES_EXTENDED_CATALOG_URL: opts.sheetUrl ?? "",
    WEBGAMES_PARTNER_ID: "1",
    WEBGAMES_API_KEY: base.BENCH_API_KEY ?? "bench-secret",
    AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    APP_URL: opts.appUrl,
    // Nothing listens there: these rigs send no mail, and a mail that is queued just waits (outbox).
    SMTP_URL: "smtp://127.0.0.1:9",
    MAIL_FROM: "Bench <bench@localhost>",
    ...opts.extra,
  };
}

/**
 * The build runs hermetically, as on a fresh machine: no database and no provider reachable, so a
 * developer's running dev database can never leak its catalog into a test or benchmark build.
 */
export const HERMETIC_BUILD_ENV = {
  DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:9/none",
  WEBGAMES_API_URL: "http://127.0.0.1:9",
  WEBGAMES_EXTENDED_CATALOG_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** Builds into `distDir` unless a build is already there (pass rebuild to force). */
export function ensureBuild(distDir: string, rebuild = false): void {
  if (!rebuild && existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    console.log(`using the existing production build in ${distDir} (--rebuild to rebuild)`);
    // A build from before the bundle existed, or a bare `next build`: add it, as `npm run build` does.
    if (!existsSync(path.join(ROOT, distDir, PARTNER_API_BUNDLE))) buildPartnerApi(distDir);
    return;
  }
  console.log(`building the app into ${distDir}…`);
  const r = spawnSync(NEXT, ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...HERMETIC_BUILD_ENV, NEXT_DIST_DIR: distDir },
  });
  if (r.status !== 0) throw new Error("next build failed");
  buildPartnerApi(distDir);
}

export async function startApp(port: number, env: Record<string, string>, opts: { quiet?: boolean } = {}): Promise<Child> {
  const [cmd, args] = serverCommand(port);
  const child = startChild(`app:${port}`, cmd, args, env, {
    quiet: opts.quiet ?? true,
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/bench/echo`, 60_000);
  return child;
}

import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, Rig, streamSpins, waitUntil } from "../../scripts/lib/fault-rig";
import { FAULTS_DIST_DIR } from "./global-setup";

// An operator's view of a real production instance (`next start` of the build, the simulator
// playing against it): the health and readiness endpoints, the metrics an alert reads, and the
// server's own log lines, which are read back afterwards and searched for every secret the run used.
const METRICS_TOKEN = "ops-metrics-token-0123456789abcdef";
const AUTH_SECRET = "bench-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz"; // productionEnv's
const WRONG_PASSWORD = "Wrong-Password-0451";
let rig: Rig | undefined;

beforeAll(async () => {
  rig = await Rig.start({
    distDir: FAULTS_DIST_DIR,
    players: 3,
    appEnv: { METRICS_TOKEN, LOG_LEVEL: "info", CALLBACK_STDOUT_LOG: "true" },
  });
});
afterAll(async () => {
  if (process.env.OPS_DEBUG) console.log(rig?.appLog(0).slice(-4000)); // OPS_DEBUG=1: the server's last lines
  await rig?.close();
});

const get = async (url: string, headers: Record<string, string> = {}, timeoutMs = 5000) => {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

/** A sample's value from Prometheus text, e.g. metric(text, 'webgames_callbacks_total{method="Credit",code="0"}'). */
function metric(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A failed sign-in through Auth.js's own credentials endpoint, with a request id of ours. */
async function failedSignIn(base: string, email: string, reqId: string): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-request-id": reqId },
    body: new URLSearchParams({ csrfToken, email, password: WRONG_PASSWORD }),
  });
  await res.body?.cancel();
  expect(res.headers.get("location") ?? "").toContain("error=CredentialsSignin");
}

test("health, readiness and metrics of a running build, through a database outage; its logs hold no secret", async () => {
  const r = rig!;
  const app = r.apps[0]!.url;
  const auth = { authorization: `Bearer ${METRICS_TOKEN}` };

  // Liveness and readiness, never cached.
  const health = await get(`${app}/api/health`);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.text)).toMatchObject({ status: "ok" });
  expect(health.headers.get("cache-control")).toBe("no-store");
  // The first catalog read fetches it from the simulator (slow on a loaded machine): readiness then reports its age.
  await get(`${app}/api/catalog`, {}, 60_000);
  const migrations = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations")).length;
  const ready = await get(`${app}/api/ready`);
  expect(ready.status, ready.text).toBe(200);
  expect(ready.headers.get("cache-control")).toBe("no-store");
  const readyBody = JSON.parse(ready.text) as { status: string; migrations: number; catalog: { age_s: number; stale: boolean } | null };
  expect(readyBody).toMatchObject({ status: "ready", migrations });
  expect(readyBody.catalog?.stale).toBe(false);
  expect(readyBody.catalog!.age_s).toBeLessThan(60);

  // Metrics only with the token.
  expect((await get(`${app}/api/metrics`)).status).toBe(401);
  expect((await get(`${app}/api/metrics`, { authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
  expect((await get(`${app}/api/metrics`, { authorization: METRICS_TOKEN })).status).toBe(401);

  // Traffic: every player spins; one round is left open for two hours (a Debit that never came).
  const streams = r.players.map((p) => streamSpins(r.sim.url, p.sessionId!, { maxSpins: 15 }));
  await Promise.all(streams.map((s) => s.done));
  await r.db.query(
    `INSERT INTO rounds (player_id, round_id, game_id, currency, opened_at) VALUES ($1, 'stuck-1', 11, 'EUR', now() - interval '2 hours')`,
    [r.players[0]!.id],
  );

  const scraped = await get(`${app}/api/metrics`, auth);
  expect(scraped.status).toBe(200);
  expect(scraped.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const m = scraped.text;
  expect(metric(m, "webgames_database_up")).toBe(1);
  expect(metric(m, "webgames_open_rounds_over_1h")).toBe(1);
  expect(metric(m, "webgames_catalog_stale")).toBe(0);
  expect(metric(m, "webgames_catalog_age_seconds")).toBeLessThan(60);
  expect(metric(m, 'webgames_catalog_refreshes_total{result="ok"}')).toBeGreaterThanOrEqual(1);
  expect(metric(m, 'webgames_db_pool_waiting{pool="main"}')).toBe(0);
  expect(metric(m, 'webgames_db_pool_connections{pool="main",state="idle"}')).toBeGreaterThanOrEqual(1);
  expect(metric(m, "webgames_db_lock_waiting_sessions")).toBe(0);
  expect(metric(m, "nodejs_eventloop_lag_seconds")).toBeDefined();
  // Callbacks by method and code, and their latency, as the server saw them.
  const calls = r.moneyCalls();
  const credits = calls.filter((c) => c.method === "Credit" && c.code === 0).length;
  expect(credits).toBeGreaterThan(10);
  expect(metric(m, 'webgames_callbacks_total{method="Authorization",code="0"}')).toBe(3);
  expect(metric(m, 'webgames_callbacks_total{method="Credit",code="0"}')).toBe(credits);
  expect(metric(m, 'webgames_callback_duration_seconds_count{method="Credit"}')).toBe(credits);
  expect(metric(m, 'webgames_callback_duration_seconds_bucket{le="5",method="Credit"}')).toBe(credits);

  // A win flagged for review (D13: over 1000x its round's bets): paid, counted, and the unreviewed
  // flagged rounds gauge equals the database's own count.
  const flaggedBefore = metric(m, 'webgames_wins_flagged_total{currency="EUR"}') ?? 0;
  const money = async (method: "Credit" | "Debit", round: string, tx: string, amount: string, close: boolean) => {
    const p = r.players[1]!;
    const res = await fetch(`${app}/api/callbacks/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"token":"${p.token}","player_id":${p.id},"round_id":"${round}","game_id":${FAULT_GAME},"transaction_id":"${tx}","amount":${amount},"is_close":${close},"hash":"${sign(method, [p.id, round, FAULT_GAME, tx, p.token], FAULT_API_KEY)}"}`,
    });
    return ((await res.json()) as { code: number }).code;
  };
  expect(await money("Credit", "ops-flagged", "ops-flagged-bet", "0.01", false)).toBe(0);
  expect(await money("Debit", "ops-flagged", "ops-flagged-win", "50.00", true)).toBe(0);
  const afterFlag = (await get(`${app}/api/metrics`, auth)).text;
  expect(metric(afterFlag, 'webgames_wins_flagged_total{currency="EUR"}')).toBe(flaggedBefore + 1);
  const unreviewed = await r.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM rounds WHERE flagged_at IS NOT NULL AND reviewed_at IS NULL",
  );
  expect(unreviewed.rows[0]!.n).toBeGreaterThanOrEqual(1);
  expect(metric(afterFlag, "webgames_flagged_rounds_unreviewed")).toBe(unreviewed.rows[0]!.n);

  // Failed sign-ins: one known email, one unknown, each with our own request id.
  const { rows } = await r.db.query<{ email: string; password_hash: string }>(
    "SELECT email, password_hash FROM players ORDER BY id LIMIT 1",
  );
  await failedSignIn(app, rows[0]!.email, "ops-signin-1");
  await failedSignIn(app, "nobody@faults.local", "ops-signin-2");

  // The database goes away: liveness stays, readiness says why not, the metrics say the database is down.
  await r.stopPg();
  try {
    const down = await get(`${app}/api/ready`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ status: "not_ready", reason: "database unreachable" });
    expect((await get(`${app}/api/health`)).status).toBe(200);
    const downMetrics = await get(`${app}/api/metrics`, auth);
    expect(downMetrics.status).toBe(200);
    expect(metric(downMetrics.text, "webgames_database_up")).toBe(0);
    expect(metric(downMetrics.text, "webgames_open_rounds_over_1h")).toBeNaN(); // unknown, not a stale value
    // A bet while the database is down: code 1, counted as a failure, logged under our request id.
    const p = r.players[0]!;
    const round = `down-${Date.now()}`;
    const res = await fetch(`${app}/api/callbacks/Credit`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "ops-callback-1" },
      body: JSON.stringify({
        token: p.token,
        player_id: p.id,
        round_id: round,
        game_id: FAULT_GAME,
        transaction_id: round,
        amount: 1,
        is_close: true,
        hash: sign("Credit", [p.id, round, FAULT_GAME, round, p.token], FAULT_API_KEY),
      }),
    });
    expect(res.headers.get("x-request-id")).toBe("ops-callback-1");
    expect(((await res.json()) as { code: number }).code).toBe(1);
    const afterFailure = await get(`${app}/api/metrics`, auth);
    expect(metric(afterFailure.text, 'webgames_callbacks_total{method="Credit",code="1"}')).toBe(1);
    // Labelled with the cause's code: a SQLSTATE, or the system error of a refused connection.
    expect(metric(afterFailure.text, 'webgames_callback_failures_total{method="Credit",cause="ECONNREFUSED"}')).toBe(1);
  } finally {
    await r.startPg();
  }
  await waitUntil(async () => (await get(`${app}/api/ready`)).status === 200, 20_000, "ready again after the restart", 250);

  // Pending migrations: a migration the database has not recorded makes the instance unready.
  await r.db.query(
    `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
  );
  const pending = await get(`${app}/api/ready`);
  expect(pending.status).toBe(503);
  expect(JSON.parse(pending.text)).toMatchObject({ status: "not_ready", reason: "migrations pending" });
  await r.db.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
  expect((await get(`${app}/api/ready`)).status).toBe(200);

  // The run's logs: every line the server printed.
  await new Promise((res) => setTimeout(res, 300)); // pino writes synchronously; let the file settle
  const log = r.appLog(0);
  const lines = log.split("\n").filter((l) => l.trim() !== "");
  const json = lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(json.filter((l) => l.msg === "callback").length).toBeGreaterThan(30);

  const hashes = (await r.db.query<{ token_hash: string }>("SELECT token_hash FROM game_sessions")).rows.map((x) => x.token_hash);
  const secrets = [
    FAULT_API_KEY,
    AUTH_SECRET,
    METRICS_TOKEN,
    WRONG_PASSWORD,
    "fault-password",
    rows[0]!.password_hash,
    ...r.players.map((p) => p.token),
    ...r.players.map((p) => createHash("sha256").update(p.token).digest("hex")),
    ...hashes,
  ];
  for (const s of secrets) expect(log.includes(s), `a secret (${s.slice(0, 6)}…) is in the server log`).toBe(false);

  // The failed callback: one error line and one callback line, both under the caller's request id.
  const failed = json.filter((l) => l.reqId === "ops-callback-1");
  expect(failed.map((l) => l.msg).sort()).toEqual(["callback", "callback failed", "callback log write failed; the record follows"]);

  // Auth.js through the app's logger: exactly one line per failed sign-in, with our request id, no stack.
  const signins = json.filter((l) => l.event === "signin_failed");
  expect(signins.map((l) => l.reqId).sort()).toEqual(["ops-signin-1", "ops-signin-2"]);
  for (const l of signins) expect(l).toMatchObject({ level: "warn", msg: "sign-in failed" });
  expect(log).not.toContain("[auth][error]");
  expect(log).not.toMatch(/^\s+at /m); // no stack trace printed anywhere
});

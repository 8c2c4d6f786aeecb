import { afterAll, beforeAll, expect, test } from "vitest";
import { Rig, sleep, streamSpins, waitUntil } from "../../scripts/lib/fault-rig";
import { reconcile } from "../../scripts/lib/reconcile";
import { playSession } from "../../sim/bot";
import { FAULTS_DIST_DIR } from "./global-setup";

// Two `next start` instances of the same build on one PostgreSQL; the simulator spreads every
// callback round-robin over both (partner_api_url list), so a round's Credit and Debit, a call and
// its retry, and the two copies of a duplicated attempt land on different instances.
let rig: Rig | undefined;

beforeAll(async () => {
  rig = await Rig.start({
    distDir: FAULTS_DIST_DIR,
    apps: 2,
    players: 8,
    faults: { retries: 3, timeoutMs: 3000, duplicateRate: 0.2 },
    appEnv: { CALLBACK_STDOUT_LOG: "true" },
    launch: false, // each bot launches its own game below
  });
});
afterAll(async () => {
  await rig?.close();
});

test("two instances behind a round-robin provider: every transaction once, balances equal ledgers", async () => {
  const r = rig!;
  // Every player launches (Authorization on one instance) and plays 40 spins, all in parallel.
  const sessions = await Promise.all(
    r.players.map((p) => playSession({ simUrl: r.sim.url, launchUrl: p.launchPath, spins: 40, bet: "1", stopOnCodes: [] })),
  );
  for (const s of sessions) expect(s.launched).toBe(true);
  sessions.forEach((s, i) => {
    r.players[i]!.sessionId = s.sessionId;
  });

  const calls = r.moneyCalls();
  const perInstance = r.apps.map(
    (_, i) =>
      r
        .appLog(i)
        .split("\n")
        .filter((l) => l.includes('"msg":"callback"')).length,
  );
  const duplicated = calls.filter((c) => c.duplicates > 0).length;
  const { calls: final, retried } = await r.retryFailed(calls);
  const report = await reconcile(
    r.db,
    final,
    r.players.map((p) => p.id),
  );
  console.log(
    `[scale-out] ${calls.length} calls (${duplicated} with a duplicated attempt), callbacks per instance ${perInstance.join(" / ")}, ` +
      `${retried.length} resent; ledger rows ${report.ledgerRows}`,
  );
  expect(calls.length).toBeGreaterThan(300);
  for (const n of perInstance) expect(n).toBeGreaterThan(100);
  expect(duplicated).toBeGreaterThan(0);
  expect(retried).toEqual([]);
  expect(report.violations).toEqual([]);
  expect(report.unresolved).toEqual([]);
});

test("kill -9 of one of two instances mid-stream: retries reach the survivor, every transaction once", async () => {
  const r = rig!;
  const streams = r.players.map((p) => streamSpins(r.sim.url, p.sessionId!, { maxSpins: 3000 }));
  const from = r.callsFinished;
  let downMs = 0;
  try {
    await waitUntil(() => r.callsFinished - from >= 150, 30_000, "150 calls before the kill");
    const killedAt = Date.now();
    await r.killApp(1);
    // While instance 1 is dead every other attempt fails there and its retry goes to instance 0.
    const deadFrom = r.callsFinished;
    await waitUntil(() => r.callsFinished - deadFrom >= 100, 30_000, "100 calls with one instance dead");
    await sleep(200);
    await r.startApp(1);
    downMs = Date.now() - killedAt;
    const back = r.callsFinished;
    await waitUntil(() => r.callsFinished - back >= 150, 30_000, "150 calls after the restart");
  } finally {
    for (const s of streams) s.stop();
    await Promise.all(streams.map((s) => s.done));
  }
  const calls = r.moneyCalls();
  const recent = calls.filter((c) => c.seq > from);
  const acrossKill = recent.filter((c) => c.retries > 0);
  const { calls: final, retried } = await r.retryFailed(calls);
  const report = await reconcile(
    r.db,
    final,
    r.players.map((p) => p.id),
  );
  console.log(
    `[scale-out] instance 1 down ${downMs} ms: ${recent.length} calls, ${acrossKill.length} needed a retry (${acrossKill.filter((c) => c.code === 0).length} ended 0), ` +
      `${retried.length} resent; ledger rows ${report.ledgerRows}`,
  );
  expect(acrossKill.length).toBeGreaterThan(0);
  expect(report.violations).toEqual([]);
  expect(report.unresolved).toEqual([]);
});

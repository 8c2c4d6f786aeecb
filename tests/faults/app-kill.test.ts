import { afterAll, beforeAll, expect, test } from "vitest";
import { Rig, sleep, streamSpins, waitUntil } from "../../scripts/lib/fault-rig";
import { reconcile } from "../../scripts/lib/reconcile";
import { FAULTS_DIST_DIR } from "./global-setup";

// kill -9 of the app server (the whole `next start` process group) while six players spin, the
// provider retrying every call that got no answer (up to 10 times, backoff 50 ms … 1 s, ~6.5 s in
// all) and sending 10% of attempts twice. Then restart on the same port and reconcile both ways.
let rig: Rig | undefined;

beforeAll(async () => {
  rig = await Rig.start({ distDir: FAULTS_DIST_DIR, players: 6, faults: { retries: 10, timeoutMs: 3000, duplicateRate: 0.1 } });
});
afterAll(async () => {
  await rig?.close();
});

test("kill -9 mid-stream and restart: every transaction applied exactly once, balances equal ledgers", async () => {
  const r = rig!;
  const streams = r.players.map((p) => streamSpins(r.sim.url, p.sessionId!, { maxSpins: 3000 }));
  let downMs = 0;
  let seqAtKill = 0;
  try {
    await waitUntil(() => r.moneyCalls().length >= 150, 30_000, "150 calls before the kill");
    seqAtKill = r.sim.ledger.list().at(-1)?.seq ?? 0;
    const killedAt = Date.now();
    await r.killApp(0);
    await sleep(300);
    await r.startApp(0);
    downMs = Date.now() - killedAt;
    const restartedSeq = r.sim.ledger.list().at(-1)?.seq ?? 0;
    await waitUntil(
      () => r.moneyCalls().filter((c) => c.seq > restartedSeq && c.code === 0).length >= 150,
      30_000,
      "150 good calls after the restart",
    );
  } finally {
    for (const s of streams) s.stop();
    await Promise.all(streams.map((s) => s.done));
  }

  const calls = r.moneyCalls();
  const acrossKill = calls.filter((c) => c.retries > 0);
  const { calls: final, retried } = await r.retryFailed(calls);
  const report = await reconcile(
    r.db,
    final,
    r.players.map((p) => p.id),
  );
  console.log(
    `[app-kill] down ${downMs} ms; ${calls.length} calls (${calls.filter((c) => c.seq <= seqAtKill).length} before the kill), ` +
      `${acrossKill.length} retried by the provider (${acrossKill.filter((c) => c.code === 0).length} of them ended 0), ` +
      `${retried.length} still failed after the provider's retries and were resent; ledger rows ${report.ledgerRows}`,
  );
  // The kill really hit calls in flight, and the provider's retries carried them over the restart.
  expect(acrossKill.length).toBeGreaterThan(0);
  expect(report.violations).toEqual([]);
  expect(report.unresolved.map((c) => `${c.method} ${c.transaction_id} code ${c.code}`)).toEqual([]);
});

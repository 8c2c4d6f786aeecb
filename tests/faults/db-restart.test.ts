import { afterAll, beforeAll, expect, test } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, Rig, sleep, streamSpins, waitUntil } from "../../scripts/lib/fault-rig";
import { reconcile } from "../../scripts/lib/reconcile";
import { Ledger } from "../../sim/ledger";
import { PartnerClient } from "../../sim/partner-client";
import { FAULTS_DIST_DIR } from "./global-setup";

// PostgreSQL stops (fast shutdown: open transactions are rolled back, sessions cut) while six
// players spin, stays down ~3 s, and starts again on the same data dir and port. The provider does
// not retry a valid code-1 answer itself, so afterwards every call that did not end in 0 is resent
// once, as an operator or the provider's reconciliation would.
let rig: Rig | undefined;
const DOWN_MS = 3000;

beforeAll(async () => {
  rig = await Rig.start({ distDir: FAULTS_DIST_DIR, players: 7, faults: { retries: 3, timeoutMs: 3000, duplicateRate: 0.1 } });
});
afterAll(async () => {
  await rig?.close();
});

test("PostgreSQL restart: quick JSON code 1 while down, nothing half-written, retries succeed after", async () => {
  const r = rig!;
  const probePlayer = r.players.at(-1)!;
  const spinners = r.players.slice(0, -1);
  const probeLedger = new Ledger();
  const probe = new PartnerClient(
    { ...r.sim.partners.get("1")!, faults: { retries: 0, timeoutMs: 5000, duplicateRate: 0, slowMs: 0 }, nextUrl: 0 },
    probeLedger,
    () => {},
  );
  let ids = Date.now() * 10;
  const probeCredit = () =>
    probe.call("Credit", {
      player_id: String(probePlayer.id),
      game_id: String(FAULT_GAME),
      round_id: String(++ids),
      transaction_id: String(++ids),
      amount: "1.5",
      is_close: true,
      token: probePlayer.token,
    });

  const streams = spinners.map((p) => streamSpins(r.sim.url, p.sessionId!, { maxSpins: 3000 }));
  const rawAnswers: { status: number; type: string; text: string; ms: number }[] = [];
  let restartedSeq = 0;
  try {
    await waitUntil(() => r.moneyCalls().length >= 150, 30_000, "150 calls before the stop");
    await r.stopPg();
    const downAt = Date.now();
    while (Date.now() - downAt < DOWN_MS) {
      await probeCredit();
      // One raw request per round of probes, to see the HTTP status and content type.
      const round = String(++ids);
      const tx = String(++ids);
      const body = JSON.stringify({
        token: probePlayer.token,
        player_id: probePlayer.id,
        round_id: round,
        game_id: FAULT_GAME,
        transaction_id: tx,
        amount: 2,
        bet_amount: 1,
        is_close: true,
        hash: sign("Debit", [probePlayer.id, round, FAULT_GAME, tx, probePlayer.token], FAULT_API_KEY),
      });
      const t0 = performance.now();
      const res = await fetch(`${r.apps[0]!.url}/api/callbacks/Debit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      rawAnswers.push({
        status: res.status,
        type: res.headers.get("content-type") ?? "",
        text: await res.text(),
        ms: performance.now() - t0,
      });
      await sleep(100);
    }
    await r.startPg();
    restartedSeq = r.sim.ledger.list().at(-1)?.seq ?? 0;
    await waitUntil(
      () => r.moneyCalls().filter((c) => c.seq > restartedSeq && c.code === 0).length >= 150,
      30_000,
      "150 good calls after the restart",
    );
  } finally {
    for (const s of streams) s.stop();
    await Promise.all(streams.map((s) => s.done));
  }

  // While down: every answer is HTTP 200 JSON code 1, quickly.
  const probes = probeLedger.list();
  const latencies = [...probes.map((p) => p.latency_ms), ...rawAnswers.map((a) => a.ms)].sort((a, b) => a - b);
  console.log(
    `[db-restart] ${probes.length + rawAnswers.length} probes while down: latency max ${Math.round(latencies.at(-1) ?? 0)} ms, ` +
      `median ${Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0)} ms`,
  );
  expect(probes.length).toBeGreaterThan(3);
  for (const p of probes) expect({ code: p.code, outcome: p.outcome }).toEqual({ code: 1, outcome: "answered" });
  for (const a of rawAnswers) {
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/json/);
    expect(JSON.parse(a.text)).toMatchObject({ code: 1 });
  }
  expect(latencies.at(-1)!).toBeLessThan(2500); // the provider gives up after 5 s

  // The spinning players saw code 1 during the outage, and nothing else went wrong.
  const calls = r.moneyCalls();
  const failed = calls.filter((c) => c.code !== 0);
  expect(failed.length).toBeGreaterThan(0);
  expect(new Set(failed.map((c) => c.code))).toEqual(new Set([1]));

  // Afterwards the same calls succeed (raw Debits of the probe player are for unknown rounds: not resent).
  const { calls: final, retried } = await r.retryFailed([...calls, ...probes]);
  const report = await reconcile(
    r.db,
    final,
    r.players.map((p) => p.id),
  );
  console.log(
    `[db-restart] ${calls.length} calls, ${failed.length} answered 1 while down, ${retried.length} resent after the restart; ledger rows ${report.ledgerRows}`,
  );
  expect(report.violations).toEqual([]);
  expect(report.unresolved.map((c) => `${c.method} ${c.transaction_id} code ${c.code}`)).toEqual([]);
});

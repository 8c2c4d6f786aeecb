import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, Rig } from "../../scripts/lib/fault-rig";
import { FAULTS_DIST_DIR } from "../faults/global-setup";
import { authorization } from "./callback-rig";
import { postJson, request } from "./http-client";

/**
 * The partner API's own handler in server.mjs (lib/callbacks/node-handler.ts, docs/operations.md "The
 * partner API's own handler") over real HTTP against the production build: it answers the three
 * callbacks with the same bytes and headers as Next's routes, keeps D1's body limit on a socket it
 * reads itself, leaves every other request to Next, and shares one pool and one metrics registry
 * with Next's half of the process.
 */
const METRICS_TOKEN = "partner-api-metrics-token-0123456789";
const POOL_SIZE = 3;

let rig: Rig;
let app: string;
beforeAll(async () => {
  rig = await Rig.start({ distDir: FAULTS_DIST_DIR, players: 1, launch: false, poolSize: POOL_SIZE, appEnv: { METRICS_TOKEN } });
  app = rig.apps[0]!.url;
  // The rig created its player through lib/ in this process, whose pool has the app's
  // application_name: close it, so every "webgames-casino" connection left is the app's.
  const { pool } = await import("@/lib/pg");
  await pool.end();
  // The player's game session, as the provider opens it (through the handler under test).
  const auth = await postJson(`${app}/api/callbacks/Authorization`, authorization(rig, 0));
  expect(auth.json()).toMatchObject({ code: 0, player_id: rig.players[0]!.id });
});
afterAll(async () => rig?.close());

const url = (path: string) => `${app}/api/callbacks/${path}`;
let tx = Date.now();
function credit(amount: number) {
  const p = rig.players[0]!;
  const round = ++tx;
  const t = ++tx;
  const hash = sign("Credit", [p.id, round, FAULT_GAME, t, p.token], FAULT_API_KEY);
  return { token: p.token, player_id: p.id, round_id: round, game_id: FAULT_GAME, transaction_id: t, amount, is_close: false, hash };
}

describe("server.mjs's own partner API handler", () => {
  it("is what the production build serves the callbacks with (its startup line says so)", () => {
    expect(rig.appLog(0)).toContain('"msg":"partner API served by server.mjs"');
  });

  it("answers with the partner API's JSON headers and echoes a request id; a query string does not change the route", async () => {
    const a = await postJson(url("Credit"), credit(1), { headers: { "x-request-id": "lb-7f3a" } });
    expect(a.status).toBe(200);
    expect(a.json()).toMatchObject({ code: 0 });
    expect(a.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(a.headers["cache-control"]).toBe("no-store");
    expect(a.headers["x-content-type-options"]).toBe("nosniff");
    expect(a.headers["x-request-id"]).toBe("lb-7f3a");

    const q = await postJson(url("Credit?retry=1"), credit(1));
    expect(q.json()).toMatchObject({ code: 0 });
  });

  it("replays a bet with the first answer's exact bytes (D5)", async () => {
    const body = credit(1.5);
    const first = await postJson(url("Credit"), body);
    const again = await postJson(url("Credit"), body);
    expect(first.json()).toMatchObject({ code: 0 });
    expect(again.text).toBe(first.text);
  });

  it("refuses a body past 64 KiB with a JSON 413, whether declared up front or streamed without a length, and keeps serving", async () => {
    const big = JSON.stringify({ ...credit(1), pad: "x".repeat(1024 * 1024) });
    const declared = await request(url("Credit"), {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ code: 1 });
    // No content-length: Node sends it chunked, and the handler counts what arrives.
    const streamed = await request(url("Debit"), { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(streamed.status).toBe(413);
    expect(streamed.json()).toMatchObject({ code: 1 });
    expect(streamed.headers.connection).toBe("close");

    const after = await postJson(url("Credit"), credit(1));
    expect(after.json()).toMatchObject({ code: 0 });
  });

  it("a client that hangs up mid-body does not leave the call hanging: it is recorded as failed", async () => {
    const before = await rig.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM callback_logs WHERE method = 'Credit' AND code = 1`);
    const { port } = new URL(app);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(
          'POST /api/callbacks/Credit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"token":',
        );
        setTimeout(() => socket.destroy(), 100);
        resolve();
      });
      socket.on("error", reject);
    });
    await expect
      .poll(
        async () =>
          (await rig.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM callback_logs WHERE method = 'Credit' AND code = 1`)).rows[0]!
            .n,
        {
          timeout: 5_000,
        },
      )
      .toBe(before.rows[0]!.n + 1);
    expect((await postJson(url("Credit"), credit(1))).json()).toMatchObject({ code: 0 });
  });

  it("leaves other methods and paths to Next's routes: still JSON, never an HTML page", async () => {
    const get = await request(url("Credit"));
    expect(get.status).toBe(405);
    expect(get.json()).toMatchObject({ code: 1 });
    for (const path of ["credit", "Refund", "Credit/extra"]) {
      const res = await postJson(url(path), credit(1));
      expect(res.status, path).toBe(404);
      expect(res.json(), path).toMatchObject({ code: 1 });
    }
  });

  it("shares one pool and one metrics registry with Next: the metrics Next serves count its calls and its connections", async () => {
    const before = await scrape();
    const bets = await Promise.all(Array.from({ length: 12 }, () => postJson(url("Credit"), credit(0.1))));
    expect(bets.map((b) => b.json().code)).toEqual(Array(12).fill(0));

    const after = await scrape();
    expect(
      sample(after, 'webgames_callbacks_total{method="Credit",code="0"}') -
        sample(before, 'webgames_callbacks_total{method="Credit",code="0"}'),
    ).toBe(12);
    // The main pool's connections as the database sees them (application_name "webgames-casino") are
    // exactly the ones Next's gauge reports, and never more than one pool's size.
    const open = await rig.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'webgames-casino'`,
    );
    const gauge =
      sample(after, 'webgames_db_pool_connections{pool="main",state="in_use"}') +
      sample(after, 'webgames_db_pool_connections{pool="main",state="idle"}');
    expect(open.rows[0]!.n).toBeGreaterThan(0);
    expect(open.rows[0]!.n).toBeLessThanOrEqual(POOL_SIZE);
    expect(gauge).toBe(open.rows[0]!.n);
  });
});

async function scrape(): Promise<string> {
  const res = await request(`${app}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text;
}

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

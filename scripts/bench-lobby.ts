import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startSimulator } from "../sim/server";
import { ensureBuild, productionEnv, ROOT, serverCommand } from "./lib/app-server";
import { startThrowawayDatabase } from "./lib/embedded-pg";
import { freePort } from "./lib/ports";
import { startChild, stopChild, waitForHttp } from "./lib/processes";

/**
 * `npm run bench:lobby [-- --rebuild] [--dist .next-bench-lobby] [--games 5000] [--requests 200] [--concurrency 10]`
 * (`--dist .next-test` reuses the build `npm test` just made.)
 *
 * The lobby (`/`, dynamic: session + cached catalog of 5,000 games) against a static page of the
 * same app (`/help`, the baseline), on a production build with the simulator, measured in the
 * same run: time to first byte and to the full HTML, sequential and concurrent, p50/p95. Then the
 * lobby's first-load JS: every script the lobby HTML references, gzipped with zlib.
 * Goals: lobby p50 TTFB ≤ 2x the static page's; first-load JS ≤ 200 kB gzipped.
 */
const { values: args } = parseArgs({
  options: {
    rebuild: { type: "boolean", default: false },
    games: { type: "string", default: "5000" },
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "10" },
    dist: { type: "string", default: ".next-bench-lobby" },
  },
});
const GAMES = Number(args.games);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const DIST = args.dist ?? ".next-bench-lobby";

ensureBuild(DIST, args.rebuild);
const db = await startThrowawayDatabase("wg-bench-lobby", "bench");
const databaseUrl = db.url;
const port = await freePort();
const appUrl = `http://127.0.0.1:${port}`;
const sim = await startSimulator({
  port: 0,
  games: GAMES,
  seed: 1,
  partners: [{ partnerId: "1", apiKey: "bench-secret", apiUrl: `${appUrl}/api/callbacks` }],
  log: () => {},
});
const [serverCmd, serverArgs] = serverCommand(port);
const app = startChild(
  `app:${port}`,
  serverCmd,
  serverArgs,
  productionEnv({
    databaseUrl,
    providerUrl: sim.url,
    sheetUrl: sim.sheetUrl,
    appUrl,
    distDir: DIST,
    extra: { WEBGAMES_API_KEY: "bench-secret" },
  }),
  { quiet: !process.env.BENCH_VERBOSE },
);

async function cleanup() {
  await stopChild(app);
  await sim.close();
  await db.stop();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
interface Sample {
  ttfb: number;
  full: number;
  bytes: number;
}
function get(url: string): Promise<Sample & { body: string; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url, { agent, headers: { "accept-encoding": "identity" } }, (res) => {
      const ttfb = Number(process.hrtime.bigint() - t0) / 1e6;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({
          ttfb,
          full: Number(process.hrtime.bigint() - t0) / 1e6,
          bytes: body.length,
          body: body.toString("utf8"),
          status: res.statusCode ?? 0,
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

try {
  await waitForHttp(`${appUrl}/help`, 60_000);
  // The build's lobby HTML has no catalog. Its browser code asks /api/catalog, which loads the
  // catalog from the simulator (once) and regenerates the lobby HTML.
  await get(`${appUrl}/api/catalog?v=`);
  for (let i = 0; ; i++) {
    const r = await get(`${appUrl}/`);
    if (r.status === 200 && r.body.includes('data-testid="game-tile"')) break;
    if (i > 60) throw new Error(`lobby did not render its games: HTTP ${r.status}`);
    await new Promise((res) => setTimeout(res, 500));
  }
  for (let i = 0; i < 30; i++) {
    await get(`${appUrl}/`);
    await get(`${appUrl}/help`);
  }

  const pages = { "/ (lobby)": `${appUrl}/`, "/help (static)": `${appUrl}/help` } as const;
  type Key = keyof typeof pages;
  const seq: Record<Key, Sample[]> = { "/ (lobby)": [], "/help (static)": [] };
  for (let i = 0; i < REQUESTS; i++) {
    // Interleaved so both pages see the same machine conditions.
    for (const k of Object.keys(pages) as Key[]) seq[k].push(await get(pages[k]));
  }
  const conc: Record<Key, { samples: Sample[]; rps: number }> = {
    "/ (lobby)": { samples: [], rps: 0 },
    "/help (static)": { samples: [], rps: 0 },
  };
  for (const k of Object.keys(pages) as Key[]) {
    const t0 = Date.now();
    let left = REQUESTS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) conc[k].samples.push(await get(pages[k]));
      }),
    );
    conc[k].rps = (conc[k].samples.length / (Date.now() - t0)) * 1000;
  }

  // First-load JS: the scripts the lobby's HTML references, read from the build and gzipped.
  const html = (await get(`${appUrl}/`)).body;
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)[^"]*"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const file = path.join(ROOT, DIST, src.replace(/^\/_next\//, ""));
    const buf = await readFile(file);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  const catalogJson = (await get(`${appUrl}/api/catalog`)).body;

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `\nLobby benchmark: ${GAMES} games, production build (${DIST}), ${REQUESTS} requests per page sequential + ${REQUESTS} at concurrency ${CONCURRENCY}\n`,
  );
  const rows: string[][] = [
    [
      "page",
      "seq TTFB p50",
      "seq TTFB p95",
      "seq full p50",
      "seq full p95",
      `c${CONCURRENCY} full p50`,
      `c${CONCURRENCY} full p95`,
      `c${CONCURRENCY} req/s`,
      "HTML",
    ],
  ];
  for (const k of Object.keys(pages) as Key[]) {
    const s = seq[k];
    const c = conc[k].samples;
    rows.push([
      k,
      ms(
        pct(
          s.map((x) => x.ttfb),
          50,
        ),
      ),
      ms(
        pct(
          s.map((x) => x.ttfb),
          95,
        ),
      ),
      ms(
        pct(
          s.map((x) => x.full),
          50,
        ),
      ),
      ms(
        pct(
          s.map((x) => x.full),
          95,
        ),
      ),
      ms(
        pct(
          c.map((x) => x.full),
          50,
        ),
      ),
      ms(
        pct(
          c.map((x) => x.full),
          95,
        ),
      ),
      conc[k].rps.toFixed(0),
      `${(s[0]!.bytes / 1024).toFixed(1)} kB`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  const ratio =
    pct(
      seq["/ (lobby)"].map((x) => x.ttfb),
      50,
    ) /
    pct(
      seq["/help (static)"].map((x) => x.ttfb),
      50,
    );
  const jsKb = gz / 1024;
  console.log(`\nlobby/static p50 TTFB ratio: ${ratio.toFixed(2)}x (goal ≤ 2x) ${ratio <= 2 ? "OK" : "MISSED"}`);
  console.log(
    `lobby first-load JS: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} kB raw, ${jsKb.toFixed(1)} kB gzipped (goal ≤ 200 kB) ${jsKb <= 200 ? "OK" : "MISSED"}`,
  );
  console.log(
    `compact catalog for client search (/api/catalog, loaded after first paint): ${(catalogJson.length / 1024).toFixed(0)} kB raw, ${(gzipSync(catalogJson).length / 1024).toFixed(0)} kB gzipped`,
  );
} finally {
  agent.destroy();
  await cleanup();
}

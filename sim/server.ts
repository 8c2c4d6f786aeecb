// The "Web Games" provider simulator: a standalone node:http server (not Next.js).
// Run: `npm run sim -- --port 4010 --partner 1:dev-secret:http://localhost:3000/api/callbacks`
// or start in-process with startSimulator().
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { buildCatalog, type Catalog, listGamesJson, SHEET_HEADERS, SHEET_ID, sheetRows } from "./catalog.js";
import { DEV_PARTNER, type FaultConfig, makePartner, type Partner, type PartnerInput, parsePartnerFlag, validateFaults } from "./config.js";
import { isCurrency, minorUnits } from "./currencies.js";
import { renderGamePage } from "./game-page.js";
import { IconCache, isIconSize } from "./icons.js";
import { Ledger } from "./ledger.js";
import { Decimal, moneyText } from "./money.js";
import { PartnerClient } from "./partner-client.js";
import { betLadder, cryptoRng, DEMO_BALANCE, IdSource, meaningOf, Sessions, spin } from "./play.js";
import { hashMatches, sign } from "./signature.js";
import { type Rng, seededRng } from "./slot.js";

export interface SimulatorOptions {
  /** 0 = any free port. Default 4010. */
  port?: number;
  host?: string;
  /** Catalog size, 11..10000, default 400. */
  games?: number;
  /** Default: the dev partner (1, dev-secret, http://localhost:3000/api/callbacks). */
  partners?: PartnerInput[];
  /** Fault knobs applied to every partner unless the partner sets its own. */
  faults?: Partial<FaultConfig>;
  /** Seed for reproducible spins; default is crypto randomness. */
  seed?: number;
  /** One line per partner call; default console.log. Pass () => {} to silence. */
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  port: number;
  /** The extended catalog spreadsheet's CSV export link (what WEBGAMES_EXTENDED_CATALOG_URL points at). */
  sheetUrl: string;
  close(): Promise<void>;
  /** In-process access for tests and scripts (same data the control endpoints expose). */
  ledger: Ledger;
  partners: Map<string, Partner>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const MAX_BODY = 64 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = "application/json; charset=utf-8",
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...extra });
  res.end(body);
}
const sendCode = (res: ServerResponse, code: number, message: string, status = 200): void =>
  send(res, status, JSON.stringify({ code, message }));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const log = opts.log ?? ((line: string) => console.log(`[sim] ${line}`));
  const catalog: Catalog = buildCatalog(opts.games ?? 400);
  const icons = new IconCache();
  const ledger = new Ledger();
  const sessions = new Sessions();
  const ids = new IdSource();
  const rng: Rng = opts.seed === undefined ? cryptoRng : seededRng(opts.seed);
  const partners = new Map<string, Partner>();
  const clients = new Map<string, PartnerClient>();
  const addPartner = (input: PartnerInput): void => {
    const p = makePartner(input, opts.faults);
    partners.set(p.partnerId, p);
    clients.set(p.partnerId, new PartnerClient(p, ledger, log));
  };
  for (const p of opts.partners ?? [DEV_PARTNER]) addPartner(p);

  const catalogAnswer = (q: URLSearchParams, method: string, body: () => string, res: ServerResponse): void => {
    const partner = partners.get(q.get("partner_id") ?? "");
    const type = q.get("type") ?? "";
    if (!partner) sendCode(res, 101, "Partner is not found");
    else if (!hashMatches(q.get("hash") ?? "", sign(method, [partner.partnerId, type], partner.apiKey))) sendCode(res, 10, "Hash mismatch");
    else if (type !== "web_slot") sendCode(res, 15, "Unavailable type");
    else send(res, 200, body());
  };

  const launch = async (q: URLSearchParams, res: ServerResponse): Promise<void> => {
    const partner = partners.get(q.get("partner_id") ?? "");
    if (!partner) return sendCode(res, 101, "Partner is not found");
    const gameId = q.get("game_id") ?? "";
    const game = /^\d+$/.test(gameId) ? catalog.byId.get(Number(gameId)) : undefined;
    if (!game) return sendCode(res, 12, "Game is not found");
    const currency = q.get("currency") ?? "";
    if (!isCurrency(currency)) return sendCode(res, 102, "Currency is not found");
    const langParam = q.get("language") ?? "eng";
    const language = /^[a-z]{3}$/.test(langParam) ? langParam : "eng";
    const demo = currency === "DMO";
    const common = { partner, game, currency, language, demo };
    if (demo) {
      // Demo never calls the partner (provider document, "Demo mode").
      const s = sessions.create({ ...common, playerId: null, token: null, nick: null, balance: new Decimal(DEMO_BALANCE) });
      return page(res, s.id, game.title, language, currency, moneyText(s.balance), true, null);
    }
    const playerId = q.get("player_id") ?? "";
    const token = q.get("token") ?? "";
    if (!playerId || !token) return sendCode(res, 1, "Internal Error: player_id and token are required for real money");
    const client = clients.get(partner.partnerId);
    if (!client) return sendCode(res, 1, "Internal Error");
    const auth = await client.call("Authorization", { player_id: playerId, game_id: String(game.id), token });
    if (!auth.valid) return sendCode(res, 13, "Partner API return null");
    if (auth.code !== 0) return sendCode(res, auth.code ?? 1, meaningOf(auth.code ?? 1));
    const balance = auth.balance !== null && /^-?\d+(\.\d+)?$/.test(auth.balance) ? new Decimal(auth.balance) : new Decimal(0);
    const nick = typeof auth.body?.["nick"] === "string" ? (auth.body["nick"] as string) : null;
    const s = sessions.create({ ...common, playerId, token, nick, balance });
    return page(res, s.id, game.title, language, currency, moneyText(balance), false, nick);
  };

  const page = (
    res: ServerResponse,
    sessionId: string,
    title: string,
    language: string,
    currency: string,
    balance: string,
    demo: boolean,
    nick: string | null,
  ): void =>
    send(
      res,
      200,
      renderGamePage({
        sessionId,
        title,
        language,
        currency,
        balance,
        bets: betLadder(currency),
        demo,
        nick,
        digits: minorUnits(currency),
      }),
      "text/html; charset=utf-8",
    );

  const control = async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) return sendCode(res, 1, "control endpoints are loopback only", 403);
    if (url.pathname === "/__sim/ledger") {
      if (req.method === "DELETE") {
        ledger.clear();
        return send(res, 200, JSON.stringify({ ok: true }));
      }
      const q = url.searchParams;
      const filter: Parameters<Ledger["list"]>[0] = {};
      const pid = q.get("partner_id");
      const player = q.get("player_id");
      const method = q.get("method");
      const since = q.get("since");
      if (pid !== null) filter.partner_id = pid;
      if (player !== null) filter.player_id = player;
      if (method !== null) filter.method = method;
      if (since !== null) filter.since = Number(since);
      return send(res, 200, JSON.stringify({ calls: ledger.list(filter) }));
    }
    if (url.pathname === "/__sim/config") {
      if (req.method === "POST") {
        try {
          const input = JSON.parse(await readBody(req)) as Record<string, unknown>;
          if (Array.isArray(input["partners"])) {
            for (const p of input["partners"] as Record<string, unknown>[]) {
              addPartner({
                partnerId: String(p["partner_id"]),
                apiKey: String(p["api_key"]),
                apiUrl: String(p["partner_api_url"]),
                ...(p["faults"] ? { faults: validateFaults(p["faults"]) } : {}),
              });
            }
          }
          const faults = validateFaults(input);
          const target = input["partner_id"] === undefined ? [...partners.values()] : [partners.get(String(input["partner_id"]))];
          if (target.some((p) => p === undefined)) return sendCode(res, 101, "Partner is not found", 404);
          for (const p of target) if (p) Object.assign(p.faults, faults);
        } catch (err) {
          return sendCode(res, 1, err instanceof Error ? err.message : "bad config", 400);
        }
      }
      // Never expose api keys.
      const view = [...partners.values()].map((p) => ({ partner_id: p.partnerId, partner_api_url: p.apiUrls, ...p.faults }));
      return send(res, 200, JSON.stringify({ partners: view }));
    }
    return sendCode(res, 1, "unknown control endpoint", 404);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    const path = url.pathname;
    const q = url.searchParams;
    if (path.startsWith("/__sim/")) return control(req, url, res);
    if (req.method === "GET" && path === "/GetListGames") {
      return catalogAnswer(q, "GetListGames", () => listGamesJson(catalog), res);
    }
    // The extended catalog, the way the real provider publishes it: a spreadsheet, exported like a
    // Google Sheet (`/spreadsheets/d/<id>/export?format=csv|xlsx`), public, unsigned.
    if (req.method === "GET" && path === `/spreadsheets/d/${SHEET_ID}/export`) {
      const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
      const format = q.get("format") ?? "csv";
      if (format === "csv") {
        const body = stringify([SHEET_HEADERS, ...sheetRows(catalog, origin)], { record_delimiter: "\r\n" });
        return send(res, 200, body, "text/csv; charset=utf-8", { "content-disposition": 'attachment; filename="Extended catalog.csv"' });
      }
      if (format === "xlsx") {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Games").addRows([SHEET_HEADERS, ...sheetRows(catalog, origin)]);
        const file = Buffer.from(await workbook.xlsx.writeBuffer());
        res.writeHead(200, {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-length": file.length,
          "cache-control": "no-store",
        });
        res.end(file);
        return;
      }
      return send(res, 400, "unsupported format", "text/plain");
    }
    if (req.method === "GET" && path === "/game") return launch(q, res);
    if (req.method === "GET" && path.startsWith("/icon/")) {
      const m = /^\/icon\/([a-z0-9-]+)\/(\d+x\d+)\/([a-z0-9_]+)\.jpg$/.exec(path);
      const game = m ? catalog.byIconKey.get(`${m[1]}/${m[3]}`) : undefined;
      const size = m?.[2] ?? "";
      if (!game || !isIconSize(size)) return send(res, 404, "not found", "text/plain");
      const jpg = icons.get(game, size);
      res.writeHead(200, {
        "content-type": "image/jpeg",
        "content-length": jpg.length,
        "cache-control": "public, max-age=31536000, immutable",
      });
      res.end(jpg);
      return;
    }
    if (req.method === "POST" && path === "/play/spin") {
      let input: { session?: unknown; bet?: unknown };
      try {
        input = JSON.parse(await readBody(req)) as typeof input;
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 1, message: "bad request" } }));
      }
      const session = typeof input.session === "string" ? sessions.get(input.session) : undefined;
      if (!session)
        return send(
          res,
          404,
          JSON.stringify({ ok: false, error: { code: 14, message: "Game session not found. Please reopen the game." } }),
        );
      const client = session.demo ? null : (clients.get(session.partner.partnerId) ?? null);
      const bet = typeof input.bet === "string" || typeof input.bet === "number" ? String(input.bet) : "";
      const answer = await spin(session, bet, { client, ids, rng });
      return send(res, 200, JSON.stringify(answer));
    }
    if (req.method === "GET" && path === "/health") return send(res, 200, JSON.stringify({ ok: true }));
    return sendCode(res, 1, "Not found", 404);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendCode(res, 1, "Internal Error", 500);
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 4010, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}`;
  return {
    url: base,
    port,
    sheetUrl: `${base}/spreadsheets/d/${SHEET_ID}/export?format=csv`,
    ledger,
    partners,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- CLI ----

export function optionsFromArgs(argv: readonly string[], env: Record<string, string | undefined>): SimulatorOptions {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) continue;
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? (argv[i + 1] && !argv[i + 1]?.startsWith("--") ? argv[++i] : "true") ?? "true";
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  const one = (name: string, envName: string): string | undefined => flags.get(name)?.at(-1) ?? env[envName];
  const num = (name: string, envName: string): number | undefined => {
    const v = one(name, envName);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
    return n;
  };
  const partners: PartnerInput[] = (flags.get("partner") ?? []).map(parsePartnerFlag);
  if (partners.length === 0) {
    partners.push({
      partnerId: one("partner-id", "SIM_PARTNER_ID") ?? DEV_PARTNER.partnerId,
      apiKey: one("api-key", "SIM_API_KEY") ?? DEV_PARTNER.apiKey,
      apiUrl: one("partner-api-url", "SIM_PARTNER_API_URL") ?? DEV_PARTNER.apiUrl,
    });
  }
  const faults = validateFaults({
    ...(num("retries", "SIM_RETRIES") !== undefined ? { retries: num("retries", "SIM_RETRIES") } : {}),
    ...(num("timeout-ms", "SIM_TIMEOUT_MS") !== undefined ? { timeoutMs: num("timeout-ms", "SIM_TIMEOUT_MS") } : {}),
    ...(num("duplicate-rate", "SIM_DUPLICATE_RATE") !== undefined ? { duplicateRate: num("duplicate-rate", "SIM_DUPLICATE_RATE") } : {}),
    ...(num("slow-ms", "SIM_SLOW_MS") !== undefined ? { slowMs: num("slow-ms", "SIM_SLOW_MS") } : {}),
  });
  const out: SimulatorOptions = { port: num("port", "SIM_PORT") ?? 4010, partners, faults };
  const host = one("host", "SIM_HOST");
  if (host) out.host = host;
  const games = num("games", "SIM_GAMES");
  if (games !== undefined) out.games = games;
  const seed = num("seed", "SIM_SEED");
  if (seed !== undefined) out.seed = seed;
  return out;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  try {
    const opts = optionsFromArgs(process.argv.slice(2), process.env);
    const sim = await startSimulator(opts);
    for (const p of sim.partners.values()) {
      console.log(
        `[sim] partner ${p.partnerId} -> ${p.apiUrls.join(", ")} (retries=${p.faults.retries} timeoutMs=${p.faults.timeoutMs} duplicateRate=${p.faults.duplicateRate} slowMs=${p.faults.slowMs})`,
      );
    }
    console.log(`[sim] Web Games simulator listening on ${sim.url} (catalog: ${opts.games ?? 400} games)`);
    console.log(`[sim] extended catalog spreadsheet: ${sim.sheetUrl}`);
    const stop = (): void => {
      void sim.close().then(() => process.exit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (err) {
    console.error(`[sim] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

// An in-memory partner wallet for tests. By default it follows docs/protocol.md (D1–D10);
// `broken` flags switch on the classic wallet bugs the conformance checker must catch.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Decimal from "decimal.js";
import { isLosslessNumber, parse } from "lossless-json";
import { sign } from "../../sim/signature.js";

export type BrokenFlag =
  | "double-charge" // no idempotency: every repeat moves money again
  | "negative" // no balance check: overdraft allowed
  | "float" // JS number arithmetic, float artefacts in answers
  | "html-errors" // HTML 500 pages for malformed/unsigned requests
  | "http-400" // JSON errors, but with HTTP 400 for malformed requests (D1 wants 200)
  | "case-sensitive-hash" // rejects upper-case hex
  | "wrong-codes" // answers 1 where 5/8/2 are due
  | "uppercase-keys"; // {"Code":..} on errors

export interface RecordedCall {
  method: string;
  path: string;
  raw: string;
  body: Record<string, unknown> | null;
  contentType: string;
}

interface Player {
  id: string;
  balance: Decimal;
  currency: string;
  blocked: boolean;
}
interface Launch {
  player: string;
  game: string;
  consumedAt: number | null;
  answer: string | null;
}
interface Round {
  closed: boolean;
}
interface Tx {
  method: string;
  amount: string;
  game: string;
  answer: string;
}

export interface FakeWalletOptions {
  apiKey?: string;
  broken?: BrokenFlag[];
  /** Override the answer for a method entirely (for /game 13 tests): return text + status + type. */
  override?: (method: string) => { status: number; text: string; type: string; delayMs?: number } | null;
}

export interface FakeWallet {
  url: string;
  apiKey: string;
  calls: RecordedCall[];
  players: Map<string, Player>;
  addPlayer(id: string, balance: string, opts?: { currency?: string; blocked?: boolean }): void;
  /** Issues a one-launch token and returns the launch URL on the simulator. */
  launch(simUrl: string, playerId: string, gameId: string, extra?: Record<string, string>): string;
  close(): Promise<void>;
}

const money = (d: Decimal): string => {
  const t = d.toFixed();
  return t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t;
};

export async function startFakeWallet(opts: FakeWalletOptions = {}): Promise<FakeWallet> {
  const apiKey = opts.apiKey ?? "test-key";
  const broken = new Set(opts.broken ?? []);
  const calls: RecordedCall[] = [];
  const players = new Map<string, Player>();
  const launches = new Map<string, Launch>();
  const sessions = new Map<string, { player: string; game: string; id: string }>();
  const rounds = new Map<string, Round>();
  const txs = new Map<string, Tx>();
  let entrySeq = 1000;
  let sessionSeq = 1;

  const json = (code: number, message: string, extra = ""): string => {
    if (broken.has("uppercase-keys") && code !== 0) return `{"Code":${code},"Message":${JSON.stringify(message)}}`;
    return `{"code":${code},"message":${JSON.stringify(message)}${extra}}`;
  };
  const balanceText = (p: Player): string => (broken.has("float") ? String(Number(p.balance.toString())) : money(p.balance));

  const str = (v: unknown): string => (isLosslessNumber(v) ? v.value : typeof v === "string" ? v : v === undefined ? "" : String(v));
  const hashOk = (given: unknown, expected: string): boolean => {
    if (typeof given !== "string") return false;
    return broken.has("case-sensitive-hash") ? given === expected : given.toLowerCase() === expected;
  };

  function authorization(b: Record<string, unknown>): string {
    const player = str(b["player_id"]);
    const game = str(b["game_id"]);
    const token = str(b["token"]);
    if (!hashOk(b["hash"], sign("Authorization", [player, game, token], apiKey))) return json(10, "Hash mismatch");
    const p = players.get(player);
    if (!p) return json(11, "Player not found");
    if (p.blocked) return json(4, "Player blocked");
    const l = launches.get(token);
    if (!l || l.player !== player || l.game !== game) return json(14, "Non-valid token");
    if (l.consumedAt !== null) {
      return Date.now() - l.consumedAt < 60_000 && l.answer ? l.answer : json(14, "Non-valid token");
    }
    const sid = `s-${sessionSeq++}`;
    sessions.set(token, { player, game, id: sid });
    l.consumedAt = Date.now();
    l.answer = `{"code":0,"message":"Ok","player_id":${JSON.stringify(player)},"currency":${JSON.stringify(p.currency)},"nick":"Player${player}","balance":${balanceText(p)},"external_session":"${sid}"}`;
    return l.answer;
  }

  function money_op(method: "Credit" | "Debit", b: Record<string, unknown>): string {
    const player = str(b["player_id"]);
    const round = str(b["round_id"]);
    const game = str(b["game_id"]);
    const tx = str(b["transaction_id"]);
    const token = str(b["token"]);
    if (!hashOk(b["hash"], sign(method, [player, round, game, tx, token], apiKey))) return json(10, "Hash mismatch");
    const p = players.get(player);
    if (!p) return json(11, "Player not found");
    const s = sessions.get(token);
    if (!s || s.player !== player || s.game !== game) return json(14, "Non-valid token");
    const amountText = str(b["amount"]);
    if (!/^\d+(\.\d{1,8})?$/.test(amountText)) return json(1, "Invalid amount");
    const amount = new Decimal(amountText);
    const key = `${player}|${round}|${tx}`;
    const prior = txs.get(key);
    if (prior && !broken.has("double-charge")) {
      if (prior.method === method && prior.amount === amount.toString() && prior.game === game) return prior.answer;
      return json(1, "transaction mismatch");
    }
    const rkey = `${player}|${round}`;
    const r = rounds.get(rkey);
    if (method === "Credit") {
      if (p.blocked) return json(4, "Player blocked");
      if (r?.closed) return json(broken.has("wrong-codes") ? 1 : 5, "Round closed");
      if (!broken.has("negative") && amount.gt(p.balance)) return json(broken.has("wrong-codes") ? 1 : 2, "Insufficient funds");
      p.balance = broken.has("float") ? new Decimal(Number(p.balance.toString()) - Number(amountText)) : p.balance.minus(amount);
    } else {
      if (!r) return json(broken.has("wrong-codes") ? 1 : 8, "Round not found");
      if (r.closed) return json(broken.has("wrong-codes") ? 1 : 5, "Round closed");
      p.balance = broken.has("float") ? new Decimal(Number(p.balance.toString()) + Number(amountText)) : p.balance.plus(amount);
    }
    const round2 = r ?? { closed: false };
    rounds.set(rkey, round2);
    if (b["is_close"] === true) round2.closed = true;
    const answer = json(0, "Ok", `,"balance":${balanceText(p)},"external_session_id":${entrySeq++}`);
    txs.set(key, { method, amount: amount.toString(), game, answer });
    return answer;
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const method = (req.url ?? "").split("?")[0]?.split("/").pop() ?? "";
    let body: Record<string, unknown> | null = null;
    try {
      const v = parse(raw);
      if (typeof v === "object" && v !== null && !Array.isArray(v)) body = v as Record<string, unknown>;
    } catch {
      body = null;
    }
    if (req.method === "GET" && (req.url ?? "").startsWith("/__launch?")) {
      // Test-only launch issuer, so `sim:check --launch-cmd` can fetch fresh launches.
      const q = new URL(req.url ?? "", "http://x").searchParams;
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`${issue(q.get("sim") ?? "http://sim.invalid", q.get("player") ?? "", q.get("game") ?? "1")}\n`);
      return;
    }
    calls.push({ method, path: req.url ?? "", raw, body, contentType: req.headers["content-type"] ?? "" });
    const over = opts.override?.(method) ?? null;
    if (over) {
      if (over.delayMs) await new Promise((r) => setTimeout(r, over.delayMs));
      res.writeHead(over.status, { "content-type": over.type });
      res.end(over.text);
      return;
    }
    const reply = (text: string, status = 200): void => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(text);
    };
    const htmlError = (): void => {
      res.writeHead(500, { "content-type": "text/html" });
      res.end("<html><body><h1>500 Internal Server Error</h1></body></html>");
    };
    if (req.method !== "POST") return reply(json(1, "Method not allowed"), 405);
    if (!body) return broken.has("html-errors") ? htmlError() : reply(json(1, "Malformed JSON"), broken.has("http-400") ? 400 : 200);
    let answer: string;
    if (method === "Authorization") answer = authorization(body);
    else if (method === "Credit" || method === "Debit") answer = money_op(method, body);
    else return reply(json(1, "Unknown method"), 404);
    if (broken.has("html-errors") && answer.includes('"code":10')) return htmlError();
    reply(answer);
  };

  function issue(simUrl: string, playerId: string, gameId: string, extra: Record<string, string> = {}): string {
    const token = randomBytes(32).toString("base64url");
    launches.set(token, { player: playerId, game: gameId, consumedAt: null, answer: null });
    const currency = players.get(playerId)?.currency ?? "USD";
    const q = new URLSearchParams({ partner_id: "1", game_id: gameId, language: "eng", currency, player_id: playerId, token, ...extra });
    return `${simUrl}/game?${q.toString()}`;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"code":1,"message":"Internal Error"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiKey,
    calls,
    players,
    addPlayer(id, balance, o = {}) {
      players.set(id, { id, balance: new Decimal(balance), currency: o.currency ?? "USD", blocked: o.blocked ?? false });
    },
    launch: issue,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

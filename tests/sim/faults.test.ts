import Decimal from "decimal.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { playSession } from "../../sim/bot.js";
import { optionsFromArgs, type Simulator, startSimulator } from "../../sim/server.js";
import { type FakeWallet, startFakeWallet } from "./fake-wallet.js";
import { getJson, md5, postJson, sessionOf } from "./helpers.js";

type Override = ((method: string) => { status: number; text: string; type: string; delayMs?: number } | null) | null;

let wallet: FakeWallet;
let sim: Simulator;
let override: Override = null;
const KEY = "test-key";
const config = (body: unknown): Promise<Record<string, unknown>> => postJson(`${sim.url}/__sim/config`, body);

beforeAll(async () => {
  wallet = await startFakeWallet({ apiKey: KEY, override: (m) => override?.(m) ?? null });
  sim = await startSimulator({
    port: 0,
    seed: 7,
    partners: [
      { partnerId: 1, apiKey: KEY, apiUrl: `${wallet.url}/a,${wallet.url}/b` },
      { partnerId: 2, apiKey: "other-key", apiUrl: wallet.url },
    ],
    log: () => {},
  });
});
afterAll(async () => {
  await sim.close();
  await wallet.close();
});
afterEach(async () => {
  override = null;
  wallet.calls.length = 0;
  await config({ retries: 0, timeoutMs: 5000, duplicateRate: 0, slowMs: 0 });
});

let nextPlayer = 100;
async function launched(balance = "1000"): Promise<{ player: string; session: string }> {
  const player = String(nextPlayer++);
  wallet.addPlayer(player, balance);
  const html = await (await fetch(wallet.launch(sim.url, player, "5"))).text();
  return { player, session: sessionOf(html) };
}

describe("/game: Partner API return null (13)", () => {
  it.each([
    ["an HTML error page", { status: 500, text: "<html><h1>500</h1></html>", type: "text/html" }],
    ["an empty body", { status: 200, text: "", type: "application/json" }],
    ["non-JSON text", { status: 200, text: "OK", type: "text/plain" }],
    ["a JSON array", { status: 200, text: "[0]", type: "application/json" }],
    ["upper-case keys", { status: 200, text: '{"Code":0,"Message":"Ok","Balance":10}', type: "application/json" }],
  ])("when Authorization answers %s", async (_name, answer) => {
    override = (m) => (m === "Authorization" ? answer : null);
    wallet.addPlayer("77", "10");
    const r = await getJson(wallet.launch(sim.url, "77", "2"));
    expect(r.body).toEqual({ code: 13, message: "Partner API return null" });
  });

  it("when Authorization times out (timeoutMs, default 5000)", async () => {
    const cfg = (await getJson(`${sim.url}/__sim/config`)).body["partners"] as Record<string, unknown>[];
    expect(cfg[0]?.["timeoutMs"]).toBe(5000);
    await config({ partner_id: 1, timeoutMs: 200 });
    override = (m) => (m === "Authorization" ? { status: 200, text: '{"code":0}', type: "application/json", delayMs: 600 } : null);
    wallet.addPlayer("78", "10");
    const started = Date.now();
    const r = await getJson(wallet.launch(sim.url, "78", "2"));
    expect(r.body["code"]).toBe(13);
    expect(Date.now() - started).toBeLessThan(550);
  });
});

describe("fault knobs", () => {
  it("retries a 5xx with the SAME transaction_id and body, bounded by `retries`", async () => {
    const { player, session } = await launched();
    await config({ partner_id: 1, retries: 2 });
    let failures = 2;
    override = (m) => (m === "Credit" && failures-- > 0 ? { status: 503, text: "busy", type: "text/plain" } : null);
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(a["ok"]).toBe(true);
    const credits = wallet.calls.filter((c) => c.method === "Credit");
    expect(credits).toHaveLength(3);
    expect(new Set(credits.map((c) => c.raw)).size).toBe(1);
    const ledger = (await getJson(`${sim.url}/__sim/ledger?player_id=${player}&method=Credit`)).body["calls"] as Record<string, unknown>[];
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ code: 0, attempts: 3, retries: 2, outcome: "answered" });
  });

  it("retries after a timeout with the same transaction_id; gives up after the bound", async () => {
    const { player, session } = await launched();
    await config({ partner_id: 1, retries: 1, timeoutMs: 150 });
    override = (m) => (m === "Credit" ? { status: 200, text: "{}", type: "application/json", delayMs: 400 } : null);
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(a["ok"]).toBe(false);
    expect((a["error"] as Record<string, unknown>)["code"]).toBe(1);
    const credits = wallet.calls.filter((c) => c.method === "Credit");
    expect(credits).toHaveLength(2);
    expect(credits[0]?.raw).toBe(credits[1]?.raw);
    const ledger = (await getJson(`${sim.url}/__sim/ledger?player_id=${player}&method=Credit`)).body["calls"] as Record<string, unknown>[];
    expect(ledger[0]).toMatchObject({ code: null, attempts: 2, outcome: "timeout" });
  });

  it("duplicateRate 1 sends every call twice concurrently; an idempotent wallet charges once", async () => {
    const { player, session } = await launched("100");
    await config({ partner_id: 1, duplicateRate: 1 });
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(a["ok"]).toBe(true);
    const credits = wallet.calls.filter((c) => c.method === "Credit");
    expect(credits).toHaveLength(2);
    expect(credits[0]?.raw).toBe(credits[1]?.raw);
    // Charged once: 100 - 1 + win, exactly.
    expect(wallet.players.get(player)?.balance.toString()).toBe(
      new Decimal(100)
        .minus(1)
        .plus(a["totalWin"] as string)
        .toString(),
    );
  });

  it("slowMs delays every partner call", async () => {
    const { session } = await launched();
    await config({ partner_id: 1, slowMs: 150 });
    const started = Date.now();
    await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("spreads callbacks round-robin over a comma-separated partner_api_url", async () => {
    const { session } = await launched();
    for (let i = 0; i < 4; i++) await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    const prefixes = wallet.calls.map((c) => c.path.split("/")[1]);
    expect(prefixes.filter((p) => p === "a").length).toBeGreaterThan(0);
    expect(prefixes.filter((p) => p === "b").length).toBeGreaterThan(0);
    for (let i = 1; i < prefixes.length; i++) expect(prefixes[i]).not.toBe(prefixes[i - 1]);
  });

  it("rejects invalid config and never shows api keys", async () => {
    const bad = await fetch(`${sim.url}/__sim/config`, { method: "POST", body: JSON.stringify({ duplicateRate: 2 }) });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${sim.url}/__sim/config`, { method: "POST", body: JSON.stringify({ partner_id: 99, retries: 1 }) });
    expect(unknown.status).toBe(404);
    const view = await (await fetch(`${sim.url}/__sim/config`)).text();
    expect(view).not.toContain(KEY);
    expect(view).not.toContain("other-key");
  });

  it("shows a partner refusal during play in plain words and keeps the page usable", async () => {
    const { player, session } = await launched();
    const p = wallet.players.get(player);
    if (p) p.blocked = true;
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(a).toMatchObject({ ok: false, error: { code: 4, message: "Player blocked" } });
    if (p) p.blocked = false;
    expect((await postJson(`${sim.url}/play/spin`, { session, bet: "1" }))["ok"]).toBe(true);
  });
});

describe("partners", () => {
  it("serves several partners, each with its own key", async () => {
    const ok = await getJson(`${sim.url}/GetListGames?partner_id=2&type=web_slot&hash=${md5("GetListGames/2web_slotother-key")}`);
    expect(ok.body["code"]).toBe(0);
    const wrongKey = await getJson(`${sim.url}/GetListGames?partner_id=2&type=web_slot&hash=${md5(`GetListGames/2web_slot${KEY}`)}`);
    expect(wrongKey.body["code"]).toBe(10);
  });

  it("reads partners and knobs from flags and env", () => {
    const o = optionsFromArgs(
      ["--partner", "1:k1:http://a:1/cb,http://b:2/cb", "--partner=2:k2:http://c/cb", "--retries", "3", "--games", "1000"],
      { SIM_PORT: "4999", SIM_TIMEOUT_MS: "800" },
    );
    expect(o.port).toBe(4999);
    expect(o.games).toBe(1000);
    expect(o.faults).toEqual({ retries: 3, timeoutMs: 800 });
    expect(o.partners).toEqual([
      { partnerId: "1", apiKey: "k1", apiUrl: "http://a:1/cb,http://b:2/cb" },
      { partnerId: "2", apiKey: "k2", apiUrl: "http://c/cb" },
    ]);
    const env = optionsFromArgs([], { SIM_PARTNER_ID: "5", SIM_API_KEY: "s", SIM_PARTNER_API_URL: "http://x/cb", SIM_GAMES: "50" });
    expect(env).toMatchObject({ port: 4010, games: 50, partners: [{ partnerId: "5", apiKey: "s", apiUrl: "http://x/cb" }] });
  });
});

describe("bot", () => {
  it("plays like a browser and reconciles with both ledgers", async () => {
    wallet.addPlayer("900", "500");
    const launchUrl = wallet.launch(sim.url, "900", "11");
    const s = await playSession({ simUrl: sim.url, launchUrl, spins: 60, bet: "0.5" });
    expect(s).toMatchObject({ launched: true, spins: 60, okSpins: 60, failedSpins: 0, startBalance: "500" });
    expect(s.totalBet).toBe("30");
    // Partner's wallet = start - bets + wins, exactly.
    const balance = wallet.players.get("900")?.balance.toString();
    expect(balance).toBe(s.finalBalance);
    expect(balance).toBe(new Decimal(500).minus(s.totalBet).plus(s.totalWon).toString());
    expect(new Decimal(s.totalWon).gt(0)).toBe(true);
    const calls = (await getJson(`${sim.url}/__sim/ledger?player_id=900`)).body["calls"] as Record<string, unknown>[];
    expect(calls.filter((c) => c["method"] !== "Authorization")).toHaveLength(s.transactions);
    expect(calls.every((c) => c["code"] === 0)).toBe(true);
    expect(s.partnerCodes["0"]).toBe(s.transactions);
  });

  it("plays with the default crypto RNG (no seed)", async () => {
    const unseeded = await startSimulator({ port: 0, partners: [{ partnerId: 1, apiKey: KEY, apiUrl: wallet.url }], log: () => {} });
    try {
      wallet.addPlayer("902", "100.00", { currency: "EUR" });
      const launch = new URL(wallet.launch(unseeded.url, "902", "11"));
      // A relative launch URL resolves against simUrl, as the bot documents.
      const s = await playSession({ simUrl: unseeded.url, launchUrl: launch.pathname + launch.search, spins: 30, bet: "0.1" });
      expect(s).toMatchObject({ launched: true, spins: 30, okSpins: 30, failedSpins: 0, totalBet: "3" });
      const demo = await playSession({ simUrl: unseeded.url, launchUrl: "/game?partner_id=1&game_id=3&currency=DMO", spins: 30, bet: "1" });
      expect(demo).toMatchObject({ okSpins: 30, transactions: 0, totalBet: "30" });
    } finally {
      await unseeded.close();
    }
  });

  it("reports a refused launch", async () => {
    wallet.addPlayer("901", "5");
    const url = wallet.launch(sim.url, "901", "2").replace(/token=[^&]+/, "token=bad");
    const s = await playSession({ simUrl: sim.url, launchUrl: url, spins: 3, bet: "1" });
    expect(s).toMatchObject({ launched: false, launchError: { code: 14 }, spins: 0 });
  });
});

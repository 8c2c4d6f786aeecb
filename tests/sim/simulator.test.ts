import jpeg from "jpeg-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCsv, parseSpreadsheet } from "../../lib/catalog/spreadsheet.js";
import { type Simulator, startSimulator } from "../../sim/server.js";
import { sign } from "../../sim/signature.js";
import { type FakeWallet, startFakeWallet } from "./fake-wallet.js";
import { getJson, md5, postJson, sessionOf } from "./helpers.js";

let wallet: FakeWallet;
let sim: Simulator;
const logLines: string[] = [];
const KEY = "test-key";

beforeAll(async () => {
  wallet = await startFakeWallet({ apiKey: KEY });
  sim = await startSimulator({
    port: 0,
    partners: [{ partnerId: 1, apiKey: KEY, apiUrl: wallet.url }],
    seed: 12345,
    log: (line) => logLines.push(line),
  });
});
afterAll(async () => {
  await sim.close();
  await wallet.close();
});
beforeEach(() => {
  wallet.calls.length = 0;
});

describe("signature", () => {
  it("matches the provider's known vector", () => {
    expect(sign("Authorization", [42, 2, "Aj4BAnMZBepwoYqavIjwg3m3"], "secret")).toBe("bac2df62b8873884dea9b0a918733554");
  });
});

describe("GET /GetListGames", () => {
  const hash = md5(`GetListGames/1web_slot${KEY}`);
  it.each([
    ["ok, lower-case hash", `partner_id=1&type=web_slot&hash=${hash}`, 0],
    ["ok, upper-case hash", `partner_id=1&type=web_slot&hash=${hash.toUpperCase()}`, 0],
    ["wrong hash", `partner_id=1&type=web_slot&hash=${md5("nope")}`, 10],
    ["missing hash", `partner_id=1&type=web_slot`, 10],
    ["unavailable type", `partner_id=1&type=live_slot&hash=${md5(`GetListGames/1live_slot${KEY}`)}`, 15],
    ["unknown partner", `partner_id=77&type=web_slot&hash=${hash}`, 101],
  ])("%s -> code %i", async (_name, query, code) => {
    const r = await getJson(`${sim.url}/GetListGames?${query}`);
    expect(r.status).toBe(200);
    expect(r.body["code"]).toBe(code);
    expect(typeof r.body["message"]).toBe("string");
  });

  it("answers 400 deterministic games with the exact row shape, id 11 included", async () => {
    const r = await getJson(`${sim.url}/GetListGames?partner_id=1&type=web_slot&hash=${hash}`);
    const games = r.body["games"] as Record<string, unknown>[];
    expect(games).toHaveLength(400);
    expect(Object.keys(games[0] ?? {})).toEqual(["id", "title", "url", "icon", "class"]);
    expect(games.map((g) => g["id"])).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(games[10]).toEqual({
      id: 11,
      title: "Chicago Deluxe",
      url: "/game",
      icon: "/icon/novomatic-deluxe/206x206/chicago_deluxe.jpg",
      class: "Novomatic Deluxe",
    });
    expect(new Set(games.map((g) => g["class"])).size).toBeGreaterThanOrEqual(10);
    expect(new Set(games.map((g) => g["title"])).size).toBe(400);
    for (const g of games) expect(g["icon"]).toMatch(/^\/icon\/[a-z0-9-]+\/206x206\/[a-z0-9_]+\.jpg$/);
    const again = await getJson(`${sim.url}/GetListGames?partner_id=1&type=web_slot&hash=${hash}`);
    expect(again.text).toBe(r.text);
  });
});

describe("the extended catalog spreadsheet (CSV / XLSX export link)", () => {
  it("is no longer offered as GetListGamesExtended", async () => {
    const r = await getJson(
      `${sim.url}/GetListGamesExtended?partner_id=1&type=web_slot&hash=${md5(`GetListGamesExtended/1web_slot${KEY}`)}`,
    );
    expect(r.status).toBe(404);
  });

  it("serves a CSV with headers as a person types them and absolute icon links, which our parser reads in full", async () => {
    const res = await fetch(sim.sheetUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe('Game ID,Title,Studio,"RTP, %",Volatility,Features,Icon 206x206,Icon 287x193');
    const sheet = parseCsv(text);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows).toHaveLength(400);
    const chicago = sheet.rows.find((r) => r.id === 11);
    expect(chicago).toMatchObject({
      title: "Chicago Deluxe",
      icon206: `${sim.url}/icon/novomatic-deluxe/206x206/chicago_deluxe.jpg`,
      icon287: `${sim.url}/icon/novomatic-deluxe/287x193/chicago_deluxe.jpg`,
    });
    expect(chicago?.rtp).toMatch(/^9[4-6]\.\d{2}$/);
    expect(["Low", "Medium", "High"]).toContain(chicago?.volatility);
    expect(chicago?.features).toContain("free spins");
  });

  it("also exports the same sheet as XLSX", async () => {
    const res = await fetch(sim.sheetUrl.replace("format=csv", "format=xlsx"));
    const sheet = await parseSpreadsheet(Buffer.from(await res.arrayBuffer()));
    expect(sheet.rows).toHaveLength(400);
    expect(sheet.rows.find((r) => r.id === 11)?.title).toBe("Chicago Deluxe");
  });
});

describe("icons", () => {
  it.each([
    ["206x206", 206, 206],
    ["287x193", 287, 193],
  ])("serves a real %s JPEG with a long cache lifetime", async (size, w, h) => {
    const res = await fetch(`${sim.url}/icon/novomatic-deluxe/${size}/chicago_deluxe.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toContain("max-age=31536000");
    const img = jpeg.decode(new Uint8Array(await res.arrayBuffer()));
    expect([img.width, img.height]).toEqual([w, h]);
  });
  it("404s an unknown icon", async () => {
    expect((await fetch(`${sim.url}/icon/novomatic-deluxe/206x206/nope.jpg`)).status).toBe(404);
  });
});

describe("GET /game validation", () => {
  it.each([
    ["unknown partner", "partner_id=9&game_id=2&currency=DMO", 101],
    ["unknown game", "partner_id=1&game_id=99999&currency=DMO", 12],
    ["non-numeric game", "partner_id=1&game_id=abc&currency=DMO", 12],
    ["unknown currency", "partner_id=1&game_id=2&currency=XYZ", 102],
    ["currency case matters", "partner_id=1&game_id=2&currency=mbt&player_id=42&token=t", 102],
    ["real money without token", "partner_id=1&game_id=2&currency=USD&player_id=42", 1],
    ["real money without player", "partner_id=1&game_id=2&currency=USD&token=abc", 1],
  ])("%s -> code %i", async (_n, query, code) => {
    const r = await getJson(`${sim.url}/game?${query}`);
    expect(r.type).toContain("application/json");
    expect(r.body["code"]).toBe(code);
  });

  it("serves a page whose inline script parses and whose texts fall back to English", async () => {
    const html = await (await fetch(`${sim.url}/game?partner_id=1&game_id=2&currency=DMO&language=xx1`)).text();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(script.length).toBeGreaterThan(1000);
    expect(() => new Function(script)).not.toThrow();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(">Spin<");
    expect(html).not.toMatch(/<(link|img)\b|src=|https?:\/\//); // no external assets
  });

  it("demo refuses a bet above the demo balance with code 2", async () => {
    const session = sessionOf(await (await fetch(`${sim.url}/game?partner_id=1&game_id=2&currency=DMO`)).text());
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1000.01" });
    expect(a).toMatchObject({ ok: false, balance: "1000", error: { code: 2 } });
    const bad = await postJson(`${sim.url}/play/spin`, { session, bet: "0.001" });
    expect(bad).toMatchObject({ ok: false, error: { code: 1 } });
  });

  it("demo launches and plays without ever calling the partner", async () => {
    const res = await fetch(`${sim.url}/game?partner_id=1&game_id=11&currency=DMO&language=deu`);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    for (const id of ["balance", "spin", "bet", "last-win", "error"]) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain("Guthaben");
    const session = sessionOf(html);
    for (let i = 0; i < 20; i++) {
      const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
      expect(a["ok"]).toBe(true);
      expect(a["reels"]).toHaveLength(5);
    }
    expect(wallet.calls).toHaveLength(0);
  });
});

describe("real-money launch", () => {
  it("sends the exact Authorization body and hash, with integer ids as JSON numbers", async () => {
    wallet.addPlayer("42", "100");
    const url = wallet.launch(sim.url, "42", "2");
    const token = new URL(url).searchParams.get("token") ?? "";
    const res = await fetch(url);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(wallet.calls).toHaveLength(1);
    const call = wallet.calls[0];
    expect(call?.method).toBe("Authorization");
    expect(call?.contentType).toContain("application/json");
    const hash = md5(`Authorization/422${token}${KEY}`);
    expect(call?.raw).toBe(`{"player_id":42,"game_id":2,"token":${JSON.stringify(token)},"hash":"${hash}"}`);
  });

  it("sends non-integer player ids as strings", async () => {
    wallet.addPlayer("u-7", "100");
    await fetch(wallet.launch(sim.url, "u-7", "2"));
    expect(wallet.calls[0]?.raw).toMatch(/^\{"player_id":"u-7","game_id":2,/);
  });

  it("shows the partner's non-zero code with its meaning", async () => {
    wallet.addPlayer("43", "100");
    const url = wallet.launch(sim.url, "43", "2").replace(/token=[^&]+/, "token=forged");
    const r = await getJson(url);
    expect(r.body).toEqual({ code: 14, message: "Non-valid token" });
  });
});

describe("Credit/Debit on spin", () => {
  it("takes the bet, pays every win and closes every round, with exact bodies and hashes", async () => {
    wallet.addPlayer("50", "1000");
    const launchUrl = wallet.launch(sim.url, "50", "3");
    const token = new URL(launchUrl).searchParams.get("token") ?? "";
    const session = sessionOf(await (await fetch(launchUrl)).text());
    let bonusSeen = false;
    for (let i = 0; i < 120; i++) {
      wallet.calls.length = 0;
      const a = await postJson(`${sim.url}/play/spin`, { session, bet: "0.1" });
      expect(a["ok"]).toBe(true);
      const calls = wallet.calls.map((c) => ({ ...c, body: JSON.parse(c.raw) as Record<string, unknown> }));
      const [credit, ...debits] = calls;
      expect(credit?.method).toBe("Credit");
      const round = credit?.body["round_id"];
      const keys = ["token", "player_id", "round_id", "game_id", "transaction_id", "amount", "is_close", "hash"];
      expect(Object.keys(credit?.body ?? {})).toEqual(keys);
      expect(credit?.raw).toContain('"amount":0.1,');
      const c = credit?.body ?? {};
      expect(c["hash"]).toBe(md5(`Credit/50${String(round)}3${String(c["transaction_id"])}${token}${KEY}`));
      expect(c["is_close"]).toBe(debits.length === 0);
      const txIds = new Set([c["transaction_id"]]);
      debits.forEach((d, idx) => {
        expect(d.method).toBe("Debit");
        expect(Object.keys(d.body)).toEqual([...keys.slice(0, 6), "bet_amount", "is_close", "hash"]);
        expect(d.body["round_id"]).toBe(round);
        expect(d.body["bet_amount"]).toBe(0.1);
        expect(d.body["is_close"]).toBe(idx === debits.length - 1);
        expect(d.body["hash"]).toBe(md5(`Debit/50${String(round)}3${String(d.body["transaction_id"])}${token}${KEY}`));
        expect(d.raw).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
        txIds.add(d.body["transaction_id"]);
      });
      expect(txIds.size).toBe(calls.length);
      if ((a["freeSpins"] as unknown[]).length > 0 && debits.length > 1) bonusSeen = true;
    }
    // The spins above are seeded (seed 12345), so this is deterministic, not luck.
    expect(bonusSeen).toBe(true);
    const ledger = (await getJson(`${sim.url}/__sim/ledger?player_id=50`)).body["calls"] as Record<string, unknown>[];
    expect(ledger.length).toBeGreaterThan(120);
    expect(ledger.every((e) => e["code"] === 0 && e["attempts"] === 1)).toBe(true);
    expect(JSON.stringify(ledger)).not.toContain(token);
    const mine = logLines.filter((l) => l.includes("player=50"));
    expect(mine.length).toBe(ledger.length);
    expect(mine[0]).toMatch(/^partner=1 POST \/Authorization player=50 code=0 \d+ms attempts=1$/);
    expect(mine[1]).toMatch(/^partner=1 POST \/Credit player=50 round=\d+ tx=\d+ code=0 \d+ms attempts=1$/);
    for (const l of logLines) {
      expect(l).not.toContain(token);
      expect(l).not.toContain(KEY);
    }
  });

  it("shows insufficient funds in plain words and stays usable", async () => {
    wallet.addPlayer("51", "0.5");
    const session = sessionOf(await (await fetch(wallet.launch(sim.url, "51", "3"))).text());
    const a = await postJson(`${sim.url}/play/spin`, { session, bet: "1" });
    expect(a["ok"]).toBe(false);
    expect(a["error"]).toEqual({ code: 2, message: "Insufficient funds" });
    expect(a["balance"]).toBe("0.5");
    const b = await postJson(`${sim.url}/play/spin`, { session, bet: "0.1" });
    expect(b["ok"]).toBe(true);
  });
});

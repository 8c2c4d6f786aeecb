import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchSpreadsheet } from "@/lib/catalog/fetch-spreadsheet";
import { catalogHealth, loadCatalog, readCatalog, removeUpload, type SourceDeps, saveUpload } from "@/lib/catalog/sources";
import { SpreadsheetError } from "@/lib/catalog/spreadsheet";
import { prisma } from "@/lib/db";
import { fetchGameList } from "@/lib/webgames/client";
import { type Simulator, startSimulator } from "@/sim/server";

/**
 * The catalog's sources over real HTTP and a real PostgreSQL: the simulator's signed GetListGames
 * and its spreadsheet export, and a stand-in "Google Sheet" whose answer each test sets.
 */
let sim: Simulator;
let sheet: Server;
let sheetUrl: string;
const sheetAnswer: { status: number; body: string | Buffer; hits: number } = { status: 200, body: "", hits: 0 };

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    games: 30,
    partners: [{ partnerId: "7", apiKey: "catalog-key", apiUrl: "http://127.0.0.1:9/api/callbacks" }],
    log: () => {},
  });
  sheet = createServer((_req, res) => {
    sheetAnswer.hits++;
    res.writeHead(sheetAnswer.status, { "content-type": "text/csv" });
    res.end(sheetAnswer.body);
  });
  await new Promise<void>((r) => sheet.listen(0, "127.0.0.1", r));
  sheetUrl = `http://127.0.0.1:${(sheet.address() as AddressInfo).port}/spreadsheets/d/abc/export?format=csv`;
});
afterAll(async () => {
  await sim.close();
  await new Promise((r) => sheet.close(r));
});

let clock = new Date("2026-12-01T12:00:00Z");
const TTL = 60_000;
const counts = { list: 0 };
let providerDown = false;
let type: string;

beforeEach(async () => {
  clock = new Date("2026-12-01T12:00:00Z");
  counts.list = 0;
  providerDown = false;
  Object.assign(sheetAnswer, { status: 200, body: "", hits: 0 });
  type = `t${Math.random().toString(36).slice(2)}`;
  await prisma.extendedCatalog.deleteMany();
  await prisma.lobbyControl.deleteMany();
});

function deps(over: Partial<SourceDeps> = {}): SourceDeps {
  return {
    type,
    fetchGameList: async () => {
      counts.list++;
      if (providerDown) throw new Error("connect ECONNREFUSED");
      return fetchGameList({ apiUrl: sim.url, partnerId: "7", apiKey: "catalog-key" });
    },
    sheetUrl,
    fetchSheet: (url) => fetchSpreadsheet(url, 2_000),
    apiUrl: sim.url,
    ttlMs: TTL,
    now: () => clock,
    log: () => {},
    ...over,
  };
}

const SHEET = [
  "Game ID,Studio,RTP,Volatility,Features,Icon 287x193",
  '11,Lucky Forge,"96,5",High,"wilds, free spins",/icon/x/287x193/c.jpg',
  "99999,Ghost,95,Low,,",
].join("\n");

describe("catalog sources", () => {
  it("the simulator's own spreadsheet: every game gets its studio, RTP, volatility, features and wide icon", async () => {
    const state = await loadCatalog(deps({ sheetUrl: sim.sheetUrl }));
    expect(state.games).toHaveLength(30);
    const chicago = state.games.find((g) => g.id === 11);
    expect(chicago).toMatchObject({ title: "Chicago Deluxe", category: "Novomatic Deluxe" });
    expect(chicago?.icon).toBe(`${sim.url}/icon/novomatic-deluxe/206x206/chicago_deluxe.jpg`);
    expect(chicago?.wideIcon).toBe(`${sim.url}/icon/novomatic-deluxe/287x193/chicago_deluxe.jpg`);
    expect(chicago?.rtp).toMatch(/^9[4-6]\.\d{2}$/);
    expect(chicago?.provider).toBeTruthy();
    expect(chicago?.features).toContain("free spins");
    expect(state.games.every((g) => g.provider && g.rtp && g.volatility)).toBe(true);
    expect((await fetch(chicago!.wideIcon!)).status).toBe(200);
  });

  it("merges by game id; a sheet row for a game GetListGames does not list is not shown; icon paths resolve on the provider's host", async () => {
    sheetAnswer.body = SHEET;
    const state = await loadCatalog(deps());
    expect(state.games).toHaveLength(30);
    expect(state.games.find((g) => g.id === 11)).toMatchObject({
      provider: "Lucky Forge",
      rtp: "96.50",
      volatility: "High",
      features: ["wilds", "free spins"],
      wideIcon: `${sim.url}/icon/x/287x193/c.jpg`,
    });
    expect(state.games.find((g) => g.id === 12)?.provider).toBeUndefined();
    expect(state.games.some((g) => g.id === 99999)).toBe(false);
    expect(state.unknownIds).toEqual([99999]);
  });

  it("names icon hosts the CSP would block (not the provider's, not in WEBGAMES_ICON_ORIGINS)", async () => {
    sheetAnswer.body = "ID,Icon 287x193\n11,https://cdn.example/287x193/a.jpg\n12,/icon/x/287x193/b.jpg";
    expect((await loadCatalog(deps())).blockedIconOrigins).toEqual(["https://cdn.example"]);
    expect((await readCatalog({ ...deps(), iconOrigins: ["https://cdn.example"] })).blockedIconOrigins).toEqual([]);
  });

  it("reports bad rows (row number and why) and keeps the good ones", async () => {
    sheetAnswer.body = `${SHEET}\nnope,Bad,96,,,\n12,Bad RTP,250,,,`;
    const state = await loadCatalog(deps());
    const url = state.sources.find((s) => s.source === "url");
    expect(url?.problems).toEqual([
      { row: 4, reason: 'game ID "nope" is not a positive whole number' },
      { row: 5, reason: 'RTP "250" is not a percentage between 0 and 100' },
    ]);
    expect(url?.rowCount).toBe(2);
    expect(state.games.find((g) => g.id === 11)?.rtp).toBe("96.50");
  });

  it.each([
    ["HTTP 500", 500, "oops"],
    ["an empty file", 200, ""],
    ["a sign-in page instead of the CSV", 200, "<!DOCTYPE html><html>Sign in</html>"],
    ["a file without a game ID column", 200, "Title,RTP\nA,96"],
    ["a file with only bad rows", 200, "ID,RTP\nx,96\ny,97"],
  ])("the spreadsheet URL failing (%s) keeps the last good extended catalog and records why", async (_name, status, body) => {
    sheetAnswer.body = SHEET;
    await loadCatalog(deps());
    Object.assign(sheetAnswer, { status, body });
    clock = new Date(clock.getTime() + TTL + 1);
    const state = await loadCatalog(deps());
    expect(sheetAnswer.hits).toBe(2);
    expect(state.games.find((g) => g.id === 11)).toMatchObject({ provider: "Lucky Forge", rtp: "96.50" });
    const url = state.sources.find((s) => s.source === "url");
    expect(url).toMatchObject({ stale: true, rowCount: 2 });
    expect(url?.lastError).toBeTruthy();
    // A new instance reads the same from PostgreSQL.
    expect((await readCatalog(deps())).games.find((g) => g.id === 11)?.provider).toBe("Lucky Forge");
  });

  it("the spreadsheet host down (connection refused, here: the URL changed to a dead one) keeps the last good one, retried on the TTL", async () => {
    sheetAnswer.body = SHEET;
    await loadCatalog(deps());
    clock = new Date(clock.getTime() + 1000);
    const dead = deps({ sheetUrl: sheetUrl.replace(/:\d+\//, ":9/") });
    const state = await loadCatalog(dead);
    expect(state.games.find((g) => g.id === 11)?.provider).toBe("Lucky Forge");
    expect(state.sources.find((s) => s.source === "url")).toMatchObject({
      stale: true,
      lastError: expect.stringMatching(/^spreadsheet: /),
    });
    const failedAt = (await prisma.extendedCatalog.findUniqueOrThrow({ where: { source: "url" } })).lastErrorAt;
    await loadCatalog(dead); // within the TTL: not fetched again
    expect((await prisma.extendedCatalog.findUniqueOrThrow({ where: { source: "url" } })).lastErrorAt).toEqual(failedAt);
  });

  it("fetches each source once per TTL; a dead provider keeps the last good list, flagged stale, and is not hammered", async () => {
    sheetAnswer.body = SHEET;
    for (let i = 0; i < 5; i++) await loadCatalog(deps());
    expect(counts.list).toBe(1);
    expect(sheetAnswer.hits).toBe(1);
    providerDown = true;
    clock = new Date(clock.getTime() + TTL + 1);
    const state = await loadCatalog(deps());
    expect(state).toMatchObject({ available: true, stale: true });
    expect(state.lastError).toContain("ECONNREFUSED");
    expect(state.games).toHaveLength(30);
    for (let i = 0; i < 5; i++) await loadCatalog(deps());
    expect(counts.list).toBe(2);
    // The admins' notice reads the same from PostgreSQL (any instance, uncached).
    expect(await catalogHealth(type)).toMatchObject({ stale: true, error: expect.stringContaining("ECONNREFUSED") });
    // Recovered: the next due refresh clears the flag.
    providerDown = false;
    clock = new Date(clock.getTime() + TTL + 1);
    expect((await loadCatalog(deps())).stale).toBe(false);
    expect((await catalogHealth(type)).stale).toBe(false);
  });

  it("a restarted instance with a fresh stored copy does not call the provider", async () => {
    await loadCatalog(deps());
    providerDown = true;
    const state = await loadCatalog(deps());
    expect(state.games).toHaveLength(30);
    expect(counts.list).toBe(1);
  });

  it("no catalog anywhere and the provider down: unavailable, not a crash", async () => {
    providerDown = true;
    const state = await loadCatalog(deps({ sheetUrl: null }));
    expect(state).toMatchObject({ available: false, games: [] });
  });

  it("an uploaded file's rows win over the published sheet's, field by field; a bad upload changes nothing", async () => {
    sheetAnswer.body = SHEET;
    await loadCatalog(deps());
    await saveUpload(Buffer.from("id;studio;features\n11;Reelcraft;bonus game, jackpot\n12;Neon Owl;"), "fix.csv", 1, null, clock);
    let state = await readCatalog(deps());
    expect(state.games.find((g) => g.id === 11)).toMatchObject({
      provider: "Reelcraft",
      rtp: "96.50",
      features: ["bonus game", "jackpot"],
    });
    expect(state.games.find((g) => g.id === 12)?.provider).toBe("Neon Owl");
    expect(state.sources.find((s) => s.source === "upload")).toMatchObject({ origin: "fix.csv", rowCount: 2 });

    await expect(saveUpload(Buffer.alloc(0), "empty.csv", 1)).rejects.toBeInstanceOf(SpreadsheetError);
    await expect(saveUpload(Buffer.from("Name\nX"), "noid.csv", 1)).rejects.toThrow("No game ID column");
    state = await readCatalog(deps());
    expect(state.games.find((g) => g.id === 11)?.provider).toBe("Reelcraft");

    await removeUpload(1);
    expect((await readCatalog(deps())).games.find((g) => g.id === 11)?.provider).toBe("Lucky Forge");
  });

  it("lobby controls: hidden flagged, badges and featured set, pinned games first in pin order", async () => {
    await loadCatalog(deps({ sheetUrl: null }));
    await prisma.lobbyControl.createMany({
      data: [
        { gameId: 20, pin: 2, featured: true },
        { gameId: 25, pin: 1, badgeNew: true, badgeHot: true },
        { gameId: 3, hidden: true },
        { gameId: 424242, pin: 1 }, // a game the provider does not list: no effect
      ],
    });
    const { games } = await readCatalog(deps({ sheetUrl: null }));
    expect(games.slice(0, 3).map((g) => g.id)).toEqual([25, 20, 1]);
    expect(games.find((g) => g.id === 25)?.badges).toEqual(["new", "hot"]);
    expect(games.find((g) => g.id === 20)?.featured).toBe(true);
    expect(games.find((g) => g.id === 3)?.hidden).toBe(true);
    expect(games).toHaveLength(30);
  });
});

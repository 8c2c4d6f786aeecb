import { beforeEach, describe, expect, it } from "vitest";
import { CatalogCache, CatalogUnavailableError } from "@/lib/catalog/catalog-cache";
import { dbSnapshotStore } from "@/lib/catalog/snapshot-store";
import { prisma } from "@/lib/db";
import type { CatalogGame } from "@/lib/webgames/client";

const game = (id: number, title = `Game ${id}`): CatalogGame => ({
  id,
  title,
  category: "Fruit Classics",
  icon: `http://provider.test/icon/${id}.jpg`,
  features: [],
});
const TTL = 60_000;

/** A provider stand-in that counts calls and can be switched to failing. */
function fakeProvider(initial: CatalogGame[]) {
  const state = { games: initial, failing: false, calls: 0 };
  return {
    state,
    fetch: async () => {
      state.calls++;
      if (state.failing) throw new Error("provider down");
      return state.games;
    },
  };
}

let clock = 1_000_000;
const now = () => clock;
const quiet = () => {};
const settle = () => new Promise((r) => setTimeout(r, 100));

describe("catalog cache", () => {
  let type: string;
  beforeEach(() => {
    clock = 1_000_000;
    type = `t${Math.random().toString(36).slice(2)}`;
  });
  const cacheFor = (provider: ReturnType<typeof fakeProvider>) =>
    new CatalogCache({ fetchCatalog: provider.fetch, store: dbSnapshotStore(type), ttlMs: TTL, now, log: quiet });

  it("calls the provider once, then serves reads from memory within the TTL", async () => {
    const provider = fakeProvider([game(1), game(2)]);
    const cache = cacheFor(provider);
    for (let i = 0; i < 50; i++) expect((await cache.get()).games).toHaveLength(2);
    expect(provider.state.calls).toBe(1);
  });

  it("after the TTL serves the old copy at once and refreshes once in the background", async () => {
    const provider = fakeProvider([game(1)]);
    const cache = cacheFor(provider);
    await cache.get();
    provider.state.games = [game(1), game(2), game(3)];
    clock += TTL + 1;
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a.games).toHaveLength(1);
    expect(b.games).toHaveLength(1);
    await settle();
    expect(provider.state.calls).toBe(2);
    expect((await cache.get()).games).toHaveLength(3);
  });

  it("saves the last good catalog to catalog_snapshots", async () => {
    const provider = fakeProvider([game(11, "Chicago Deluxe")]);
    await cacheFor(provider).get();
    const row = await prisma.catalogSnapshot.findUniqueOrThrow({ where: { type } });
    expect(row.gameCount).toBe(1);
    expect(row.games).toEqual([game(11, "Chicago Deluxe")]);
  });

  it("keeps serving the last good catalog, marked stale, when a refresh fails", async () => {
    const provider = fakeProvider([game(1), game(2)]);
    const cache = cacheFor(provider);
    await cache.get();
    provider.state.failing = true;
    clock += TTL + 1;
    await cache.get();
    await settle();
    const snap = await cache.get();
    expect(snap.games).toHaveLength(2);
    expect(snap.stale).toBe(true);
    expect(snap.lastError).toContain("provider down");
    // The failure is shared through the database, for other instances' admin banner.
    const stored = await dbSnapshotStore(type).load();
    expect(stored?.stale).toBe(true);
    // A dead provider is retried after the TTL, not on every read.
    for (let i = 0; i < 20; i++) await cache.get();
    expect(provider.state.calls).toBe(2);
  });

  it("after a restart serves the stored snapshot while the provider is down", async () => {
    const first = fakeProvider([game(1), game(2), game(3)]);
    await cacheFor(first).get();
    // A new process (or another instance): empty memory, provider failing.
    const down = fakeProvider([]);
    down.state.failing = true;
    const restarted = cacheFor(down);
    const snap = await restarted.get();
    expect(snap.games.map((g) => g.id)).toEqual([1, 2, 3]);
    expect(down.state.calls).toBe(0); // the snapshot is fresh: no provider call needed
  });

  it("a restart with an old snapshot serves it at once and refreshes in the background", async () => {
    await cacheFor(fakeProvider([game(1)])).get();
    clock += TTL * 10;
    const down = fakeProvider([]);
    down.state.failing = true;
    const restarted = cacheFor(down);
    expect((await restarted.get()).games).toHaveLength(1);
    await settle();
    expect(down.state.calls).toBe(1);
    const snap = await restarted.get();
    expect(snap.games).toHaveLength(1);
    expect(snap.stale).toBe(true);
  });

  it("throws CatalogUnavailableError when there is no copy anywhere", async () => {
    const down = fakeProvider([]);
    down.state.failing = true;
    await expect(cacheFor(down).get()).rejects.toBeInstanceOf(CatalogUnavailableError);
  });

  it("refresh() (admin revalidation) fetches now and clears the stale flag", async () => {
    const provider = fakeProvider([game(1)]);
    const cache = cacheFor(provider);
    await cache.get();
    provider.state.failing = true;
    await cache.refresh();
    expect((await cache.get()).stale).toBe(true);
    provider.state.failing = false;
    provider.state.games = [game(1), game(2)];
    const fresh = await cache.refresh();
    expect(fresh.stale).toBe(false);
    expect(fresh.games).toHaveLength(2);
    expect((await dbSnapshotStore(type).load())?.stale).toBe(false);
  });
});

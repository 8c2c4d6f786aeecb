import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpGet } from "@/lib/catalog/http-get";
import { fetchCatalog } from "@/lib/webgames/client";
import { type Simulator, startSimulator } from "@/sim/server";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    games: 30,
    partners: [{ partnerId: "7", apiKey: "catalog-key", apiUrl: "http://127.0.0.1:9/api/callbacks" }],
    log: () => {},
  });
});
afterAll(() => sim.close());

describe("catalog from the provider (node:http transport used by the cache)", () => {
  it("merges the signed GetListGames with the extended catalog and resolves icons against the provider's host", async () => {
    const games = await fetchCatalog({ apiUrl: sim.url, partnerId: "7", apiKey: "catalog-key", transport: httpGet });
    expect(games).toHaveLength(30);
    const chicago = games.find((g) => g.id === 11);
    expect(chicago).toMatchObject({ title: "Chicago Deluxe", category: "Novomatic Deluxe" });
    expect(chicago?.icon).toMatch(new RegExp(`^${sim.url}/icon/[a-z0-9-]+/206x206/[a-z0-9_]+\\.jpg$`));
    expect(chicago?.wideIcon).toMatch(/\/287x193\//);
    expect(chicago?.rtp).toMatch(/^\d{2}\.\d{2}$/);
    expect(chicago?.provider).toBeTruthy();
    const icon = await httpGet(chicago!.icon, 5000);
    expect(icon.status).toBe(200);
  });

  it("fails with the provider's code on a wrong key (the cache then keeps its last good copy)", async () => {
    await expect(fetchCatalog({ apiUrl: sim.url, partnerId: "7", apiKey: "wrong", transport: httpGet })).rejects.toMatchObject({
      code: 10,
    });
  });
});

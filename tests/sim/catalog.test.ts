import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { buildCatalog, CLASSES, MAX_GAMES } from "../../sim/catalog.js";
import { drawIcon } from "../../sim/icons.js";

describe("catalog", () => {
  it("scales to 10,000 deterministic games with unique titles and icon paths", () => {
    const a = buildCatalog(MAX_GAMES);
    const b = buildCatalog(MAX_GAMES);
    expect(a.games).toHaveLength(10_000);
    expect(a.games.map((g) => g.title)).toEqual(b.games.map((g) => g.title));
    expect(new Set(a.games.map((g) => g.title.toLowerCase())).size).toBe(10_000);
    expect(new Set(a.games.map((g) => g.icon)).size).toBe(10_000);
    expect(new Set(a.games.map((g) => g.class))).toEqual(new Set(CLASSES));
    expect(a.byId.get(11)?.title).toBe("Chicago Deluxe");
  });

  it.each([0, 10, 10_001, 1.5])("refuses a catalog size of %s", (n) => {
    expect(() => buildCatalog(n)).toThrow();
  });

  it("draws different icons for different games", () => {
    const c = buildCatalog(20);
    const one = jpeg.decode(drawIcon(c.games[0] ?? { seed: 1 }, "206x206"));
    const two = jpeg.decode(drawIcon(c.games[1] ?? { seed: 2 }, "206x206"));
    expect(Buffer.compare(Buffer.from(one.data), Buffer.from(two.data))).not.toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { evaluate, FREE_SPINS, playRound, SCATTER, seededRng, theoreticalRtp, WILD } from "../../sim/slot.js";

// Symbol ids: 0 "10", 1 J, 2 Q, 3 K, 4 A, 5 BAR, 6 "7", 7 WILD, 8 SCATTER.
const grid = (rows: number[][]): number[][] => [0, 1, 2, 3, 4].map((reel) => rows.map((r) => r[reel] ?? 0));

describe("slot math", () => {
  it.each([
    [
      "three 7s on the middle line pay 25",
      [
        [0, 1, 2, 3, 4],
        [6, 6, 6, 0, 1],
        [1, 2, 3, 4, 0],
      ],
      25,
      0,
    ],
    [
      "wild substitutes: A A WILD A A on the middle line pays 150",
      [
        [0, 1, 2, 3, 0],
        [4, 4, WILD, 4, 4],
        [1, 2, 3, 1, 2],
      ],
      150,
      0,
    ],
    [
      "two of a kind pays nothing",
      [
        [0, 1, 2, 3, 4],
        [5, 5, 0, 1, 2],
        [1, 2, 3, 4, 0],
      ],
      0,
      0,
    ],
    [
      "three scatters pay 2x total bet (20 line bets)",
      [
        [SCATTER, 1, 2, 3, 4],
        [0, 2, SCATTER, 1, 3],
        [1, 3, 4, 0, SCATTER],
      ],
      20,
      3,
    ],
  ])("%s", (_name, rows, units, scatters) => {
    const out = evaluate(grid(rows), 1);
    expect(out.units).toBe(units);
    expect(out.scatterCount).toBe(scatters);
  });

  it("doubles wins in free spins", () => {
    expect(
      evaluate(
        grid([
          [0, 1, 2, 3, 4],
          [6, 6, 6, 0, 1],
          [1, 2, 3, 4, 0],
        ]),
        2,
      ).units,
    ).toBe(50);
  });

  it("three scatters start the free-spin bonus (several wins in one round)", () => {
    const rng = seededRng(99);
    let bonus = 0;
    for (let i = 0; i < 20_000; i++) {
      const r = playRound(rng);
      if (r.base.scatterCount >= 3) {
        bonus++;
        expect(r.freeSpins).toHaveLength(FREE_SPINS);
        expect(r.units).toBe(r.base.units + r.freeSpins.reduce((a, s) => a + s.units, 0));
      } else expect(r.freeSpins).toHaveLength(0);
    }
    expect(bonus).toBeGreaterThan(20);
  });

  it("has a theoretical RTP of about 96%", () => {
    const rtp = theoreticalRtp();
    expect(rtp).toBeGreaterThan(0.955);
    expect(rtp).toBeLessThan(0.965);
  });

  // The speed bound is on this process's CPU time, not the wall clock: on a shared machine the wall
  // clock measures the other processes too (this test failed at a load average of 25 on 2 cores).
  it("returns 96% ± 1% over 2,000,000 seeded rounds, in under 20 s of CPU time", { timeout: 120_000 }, () => {
    const cpuBefore = process.cpuUsage();
    const rng = seededRng(20260513);
    const n = 2_000_000;
    let units = 0;
    for (let i = 0; i < n; i++) units += playRound(rng).units;
    const rtp = units / 10 / n; // 10 line bets = 1 total bet
    expect(Math.abs(rtp - 0.96)).toBeLessThan(0.01);
    expect(Math.abs(rtp - theoreticalRtp())).toBeLessThan(0.01);
    const cpu = process.cpuUsage(cpuBefore);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(20_000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, formatTable, runChecks, summaryLine } from "../../sim/check-cases.js";
import { type BrokenFlag, type FakeWallet, startFakeWallet } from "./fake-wallet.js";

const SIM = "http://sim.invalid"; // launch URLs only carry ids and token; the checker never opens them

async function check(wallet: FakeWallet, player: string, extra: { blocked?: string } = {}): Promise<CheckReport> {
  return runChecks({
    url: wallet.url,
    key: wallet.apiKey,
    freshLaunch: async () => wallet.launch(SIM, player, "7"),
    ...(extra.blocked ? { blockedLaunch: extra.blocked } : {}),
  });
}

const status = (r: CheckReport, fragment: string): string | undefined => r.results.find((x) => x.name.includes(fragment))?.status;

describe("conformance checker", () => {
  let good: FakeWallet;
  beforeAll(async () => {
    good = await startFakeWallet();
  });
  afterAll(() => good.close());

  it("passes every case against a correct wallet", async () => {
    good.addPlayer("1001", "1000");
    good.addPlayer("1002", "5", { blocked: true });
    const report = await check(good, "1001", { blocked: good.launch(SIM, "1002", "7") });
    const failures = report.results.filter((r) => r.status !== "pass");
    expect(failures, formatTable(failures)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(35);
    expect(summaryLine(report)).toBe(`${report.passed} passed, 0 failed`);
    // The race drained the balance and refunded it; the player ends where the cases left it.
    expect(good.players.get("1001")?.balance.isNegative()).toBe(false);
  });

  it("reports cases needing more launches as not run, never as pass", async () => {
    good.addPlayer("1003", "1000");
    const report = await runChecks({ url: good.url, key: good.apiKey, launches: [good.launch(SIM, "1003", "7")] });
    expect(report.failed).toBe(0);
    expect(status(report, "upper-case hex hash accepted -> 0")).toBe("pass"); // the Credit variant
    expect(status(report, "Authorization: upper-case hex")).toBe("not run");
    expect(status(report, "concurrent identical requests")).toBe("not run");
    expect(status(report, "blocked player")).toBe("not run");
    expect(status(report, "blocked player cannot bet")).toBe("not run");
    expect(summaryLine(report)).toMatch(/^\d+ passed, 0 failed, 4 not run$/);
  });

  const broken: [BrokenFlag, string[]][] = [
    ["double-charge", ["Credit: exact repeat", "concurrent duplicate Credits", "Debit: exact repeat"]],
    ["negative", ["bet above balance", "Overdraft race"]],
    ["float", ["Decimal precision", "float artefacts"]],
    ["html-errors", ["Credit: malformed JSON", "Credit: wrong hash -> 10"]],
    ["http-400", ["Credit: malformed JSON", "Credit: empty body", "Authorization: malformed JSON"]],
    ["case-sensitive-hash", ["Credit: upper-case hex", "Authorization: upper-case hex"]],
    ["wrong-codes", ["Debit: unknown round -> 8", "Round closed", "bet above balance"]],
    ["uppercase-keys", ["lowercase keys", "Authorization: wrong hash", "Credit: forged token"]],
  ];
  it.each(broken)("catches a wallet with %s", async (flag, mustFail) => {
    const w = await startFakeWallet({ broken: [flag] });
    try {
      w.addPlayer("2001", "1000");
      const report = await check(w, "2001");
      for (const name of mustFail) expect(status(report, name), `${flag}: ${name}\n${formatTable(report.results)}`).toBe("fail");
      expect(report.failed).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });
});

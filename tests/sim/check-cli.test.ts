import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWallet, startFakeWallet } from "./fake-wallet.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(TSX, ["sim/check.ts", ...args], { cwd: process.cwd(), timeout: 60_000 });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? "" };
  }
}

const launchCmd = (w: FakeWallet, player: string): string =>
  `node -e "fetch('${w.url}/__launch?player=${player}&game=3').then(r=>r.text()).then(t=>process.stdout.write(t))"`;

describe("sim:check CLI", () => {
  let good: FakeWallet;
  let bad: FakeWallet;
  beforeAll(async () => {
    good = await startFakeWallet();
    bad = await startFakeWallet({ broken: ["double-charge", "float"] });
    good.addPlayer("31", "250");
    bad.addPlayer("31", "250");
  });
  afterAll(async () => {
    await good.close();
    await bad.close();
  });

  it("prints a table and 'N passed, 0 failed', exits 0 against a correct wallet (--launch-cmd)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "simcheck-"));
    const { code, out } = await cli([
      "--url",
      good.url,
      "--key",
      good.apiKey,
      "--launch-cmd",
      launchCmd(good, "31"),
      "--json",
      join(dir, "r.json"),
    ]);
    expect(out).toMatch(/^RESULT\s+CASE\s+WHY$/m);
    expect(out).toMatch(/^PASS\s+Overdraft race/m);
    const summary = out.trim().split("\n").at(-1) ?? "";
    expect(summary).toMatch(/^\d+ passed, 0 failed, 2 not run$/); // blocked-launch not given (Authorization 4, Credit 4)
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, "r.json"), "utf8")) as { summary: string; results: unknown[] };
    expect(report.summary).toBe(summary);
    expect(report.results.length).toBeGreaterThan(35);
  });

  it("exits non-zero and names the failures against a broken wallet", async () => {
    const { code, out } = await cli(["--url", bad.url, "--key", bad.apiKey, "--launch", bad.launch("http://sim.invalid", "31", "3")]);
    expect(code).toBe(1);
    expect(out).toMatch(/^FAIL\s+Credit: exact repeat/m);
    expect(out).toMatch(/^FAIL\s+Decimal precision/m);
    expect(out).toMatch(/^NOT RUN\s+Authorization: upper-case hex/m);
    expect(out.trim().split("\n").at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed, 4 not run$/);
  });
});

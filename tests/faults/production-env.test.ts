import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";
import { serverCommand } from "../../scripts/lib/app-server";
import { FAULTS_DIST_DIR } from "./global-setup";

/** The real production server (server.mjs on the build, as `npm start`) refuses to start with a missing secret. */
test("the production server without secrets exits and names the missing variables", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const env: Record<string, string> = {};
  for (const k of ["PATH", "HOME"]) if (process.env[k]) env[k] = process.env[k]!;
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_DIST_DIR: FAULTS_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "postgresql://u:p@127.0.0.1:9/x",
  });
  const [cmd, args] = serverCommand(0);
  const child = spawn(cmd, args, { cwd: root, env: env as NodeJS.ProcessEnv });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, output).not.toBe(0);
  expect(code, "the server kept running").not.toBeNull();
  expect(output).toContain("Refusing to start in production");
  expect(output).toContain("WEBGAMES_API_URL, WEBGAMES_PARTNER_ID, WEBGAMES_API_KEY, AUTH_SECRET, APP_URL, SMTP_URL, MAIL_FROM");
});

import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { pool } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "../..");

it("npm run db:seed refuses NODE_ENV=production (it would create admin@example.com / admin123) and writes nothing", async () => {
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      // Real-looking production settings, so that it is the seed itself that refuses.
      DATABASE_URL: process.env.DATABASE_URL,
      WEBGAMES_API_URL: "https://games.example",
      WEBGAMES_PARTNER_ID: "7",
      WEBGAMES_API_KEY: "live-key-for-this-test",
      AUTH_SECRET: "q7Jv0rX2mLp9T4wZc8Nf1Hs6Bd3Ky5Ue",
      APP_URL: "https://casino.example",
      SMTP_URL: "smtp://mailer:pw@smtp.example:587",
      MAIL_FROM: "Casino <no-reply@casino.example>",
    },
  });
  expect(r.status, r.stdout + r.stderr).toBe(1);
  expect(r.stderr).toContain("Refusing to seed with NODE_ENV=production");
  const seeded = await pool.query(`SELECT 1 FROM players WHERE email = 'admin@example.com'`);
  expect(seeded.rowCount).toBe(0);
});

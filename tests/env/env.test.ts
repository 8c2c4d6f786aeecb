import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "@/lib/env";

const SECRETS = {
  DATABASE_URL: "postgresql://u:p@db:5432/casino",
  WEBGAMES_API_URL: "https://games.example/",
  WEBGAMES_PARTNER_ID: "7",
  WEBGAMES_API_KEY: "live-key",
  AUTH_SECRET: "q7Jv0rX2mLp9T4wZc8Nf1Hs6Bd3Ky5Ue",
  APP_URL: "https://casino.example",
  SMTP_URL: "smtp://mailer:pw@smtp.example:587",
  MAIL_FROM: "Casino <no-reply@casino.example>",
};

describe("lib/env", () => {
  it("production refuses to start without its secrets and names every missing one", () => {
    const attempt = () => loadEnv({ NODE_ENV: "production", DATABASE_URL: SECRETS.DATABASE_URL, APP_URL: SECRETS.APP_URL });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(
      /missing required environment variable\(s\): WEBGAMES_API_URL, WEBGAMES_PARTNER_ID, WEBGAMES_API_KEY, AUTH_SECRET, SMTP_URL, MAIL_FROM\./,
    );
  });

  it("production refuses to start without outgoing mail (SMTP_URL, MAIL_FROM) and checks the URL's scheme", () => {
    const { SMTP_URL: _url, MAIL_FROM: _from, ...noMail } = SECRETS;
    expect(() => loadEnv({ NODE_ENV: "production", ...noMail })).toThrow(
      /missing required environment variable\(s\): SMTP_URL, MAIL_FROM\./,
    );
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, SMTP_URL: "http://smtp.example" })).toThrow(/SMTP_URL: must be smtp/);
    expect(loadEnv({ NODE_ENV: "production", ...SECRETS, SMTP_URL: "smtps://u:p@smtp.example:465" }).SMTP_URL).toBe(
      "smtps://u:p@smtp.example:465",
    );
  });

  it("development has no SMTP_URL by default (npm run dev starts a mail catcher) and a default From", () => {
    const env = loadEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe("Web Games Casino <no-reply@localhost>");
  });

  it("an empty value counts as missing in production", () => {
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
  });

  it("production with every secret starts, strips trailing slashes, and keeps the demo cashier off", () => {
    const env = loadEnv({ NODE_ENV: "production", ...SECRETS });
    expect(env.WEBGAMES_API_URL).toBe("https://games.example");
    expect(env.DEMO_CASHIER).toBe(false);
    expect(loadEnv({ NODE_ENV: "production", ...SECRETS, DEMO_CASHIER: "true" }).DEMO_CASHIER).toBe(true);
  });

  it("invalid values are refused with the variable named", () => {
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 bytes/);
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, WEBGAMES_PARTNER_ID: "abc" })).toThrow(/WEBGAMES_PARTNER_ID/);
  });

  // .env.example is public: every secret in it is known to anyone who reads the repository.
  const example = Object.fromEntries(
    readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8")
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  it.each(["AUTH_SECRET", "WEBGAMES_API_KEY", "DATABASE_URL"])("production refuses the published %s of .env.example", (name) => {
    expect(example[name], `${name} in .env.example`).toBeTruthy();
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, [name]: example[name] })).toThrow(
      new RegExp(`${name} still set to the published development value`),
    );
  });

  it.each<[string, string]>([
    ["31 bytes", "q7Jv0rX2mLp9T4wZc8Nf1Hs6Bd3Ky5U"],
    ["32 bytes of one character", "a".repeat(32)],
    ["64 bytes of two characters", "ab".repeat(32)],
  ])("production refuses a weak AUTH_SECRET: %s", (_name, secret) => {
    expect(() => loadEnv({ NODE_ENV: "production", ...SECRETS, AUTH_SECRET: secret })).toThrow(
      /Refusing to start in production: AUTH_SECRET/,
    );
  });

  it("development works with nothing set (the documented defaults of .env.example)", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:54329/webgames",
      WEBGAMES_API_URL: "http://localhost:4010",
      WEBGAMES_PARTNER_ID: "1",
      WEBGAMES_API_KEY: "dev-secret",
      APP_URL: "http://localhost:3000",
      WALLET_SESSION_IDLE_MINUTES: 30,
      DEMO_CASHIER: true,
    });
  });

  it("a production build (NEXT_PHASE) needs no secrets; they are checked when the server starts", () => {
    expect(() => loadEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });
});

import { z } from "zod";

/**
 * The one reader of process.env. Everything else imports `env` from here.
 *
 * Development and tests get working defaults (documented in .env.example) so that
 * `npm install && npm run dev` needs no configuration. Production refuses to start when
 * a secret is missing and names every missing variable at once.
 */

import { DEV_DATABASE_URL } from "./dev-database";

const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "WEBGAMES_API_URL",
  "WEBGAMES_PARTNER_ID",
  "WEBGAMES_API_KEY",
  "AUTH_SECRET",
  "APP_URL",
  "SMTP_URL",
  "MAIL_FROM",
] as const;

// SMTP_URL has no default: `npm run dev` starts a local mail catcher and passes its URL; without
// one (plain `next dev`, Vitest) mail is queued in the outbox and not sent.
const DEV_DEFAULTS: Record<Exclude<(typeof REQUIRED_IN_PRODUCTION)[number], "SMTP_URL">, string> = {
  DATABASE_URL: DEV_DATABASE_URL,
  WEBGAMES_API_URL: "http://localhost:4010",
  WEBGAMES_PARTNER_ID: "1",
  WEBGAMES_API_KEY: "dev-secret",
  AUTH_SECRET: "dev-only-auth-secret-change-me-in-production-0123456789",
  APP_URL: "http://localhost:3000",
  MAIL_FROM: "Web Games Casino <no-reply@localhost>",
};

/**
 * Values that are public (published in .env.example and the README) and therefore never secret:
 * production refuses them. tests/env/env.test.ts checks that every secret value of .env.example is
 * in this list.
 */
const PUBLISHED_SECRETS: Partial<Record<(typeof REQUIRED_IN_PRODUCTION)[number], readonly string[]>> = {
  DATABASE_URL: [DEV_DEFAULTS.DATABASE_URL],
  WEBGAMES_API_KEY: [DEV_DEFAULTS.WEBGAMES_API_KEY, "secret"],
  AUTH_SECRET: [DEV_DEFAULTS.AUTH_SECRET],
};

/** An AUTH_SECRET signs every session cookie: with a guessable one anyone can mint an admin session. */
function weakAuthSecret(secret: string): string | null {
  if (Buffer.byteLength(secret, "utf8") < 32) return "must be at least 32 bytes (openssl rand -base64 33)";
  if (new Set(secret).size < 10) return "is too repetitive to be random (openssl rand -base64 33)";
  return null;
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes" || v === "on");

const url = z.url().transform((u) => u.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  WEBGAMES_API_URL: url,
  WEBGAMES_PARTNER_ID: z.string().regex(/^\d+$/, "must be an integer"),
  WEBGAMES_API_KEY: z.string().min(1),
  /**
   * The provider's extended catalog (studio, RTP, volatility, features, 287x193 icons): the CSV
   * export link of its spreadsheet (a Google Sheet's `…/export?format=csv` or published
   * `…/pub?output=csv` link, or any CSV/XLSX URL). Optional: without it the lobby shows GetListGames
   * plus whatever an admin uploaded. `npm run dev` points it at the simulator's sheet.
   */
  WEBGAMES_EXTENDED_CATALOG_URL: z.url().optional(),
  /**
   * Other hosts the extended catalog links icons on (a CDN), comma-separated origins such as
   * `https://cdn.example.com`: allowed in the CSP's img-src next to the provider's own host. The back
   * office names any icon host missing here.
   */
  WEBGAMES_ICON_ORIGINS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const part of v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        try {
          const u = new URL(part);
          if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("not http(s)");
          origins.push(u.origin);
        } catch {
          ctx.addIssue({ code: "custom", message: `"${part}" is not an http(s) origin` });
        }
      }
      return origins;
    }),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  APP_URL: url,
  /** Outgoing mail: smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (TLS from the start). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, "must be smtp://… or smtps://…")
    .optional(),
  /** The From of every mail, e.g. `Web Games Casino <no-reply@casino.example>`. */
  MAIL_FROM: z.string().min(3),
  /** Idle timeout of a game session for new bets (docs/protocol.md D4). */
  WALLET_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Responsible gaming: hours before a raised or removed limit takes effect (a lowered one applies at once). */
  RG_COOLING_OFF_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(24),
  /**
   * D13: a win is flagged for review (paid, logged, listed in the back office) when its round's wins
   * pass this multiple of the round's bets (decimal text) …
   */
  WALLET_REVIEW_WIN_MULTIPLE: z
    .string()
    .regex(/^\d+(\.\d+)?$/, "must be a positive decimal, e.g. 1000")
    .refine((v) => !/^0+(\.0+)?$/.test(v), "must be greater than 0")
    .default("1000"),
  /** … or this ceiling of its currency: "EUR=10000,USD=10000,BTC=0.5" (currencies not listed: no ceiling). */
  WALLET_REVIEW_WIN_CEILINGS: z
    .string()
    .default("EUR=10000,USD=10000,GBP=10000,BTC=0.5")
    .transform((spec, ctx) => {
      const out: Record<string, string> = {};
      for (const part of spec
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)) {
        const m = /^([A-Za-z]{2,5})=(\d+(?:\.\d+)?)$/.exec(part);
        if (!m) {
          ctx.addIssue({ code: "custom", message: `"${part}" is not CURRENCY=amount` });
          return z.NEVER;
        }
        out[m[1]!] = m[2]!;
      }
      return out;
    }),
  /** Optional comma-separated provider IPs/CIDRs allowed to call /api/callbacks. Empty = any. */
  WEBGAMES_ALLOWED_IPS: z.string().default(""),
  /**
   * Overrides of the UI language → provider `language` code table (lib/i18n/provider-language.ts),
   * e.g. "pt-BR=pob,es=esp" if the provider spells a language its own way. Empty = the table.
   */
  WEBGAMES_LANGUAGE_MAP: z
    .string()
    .regex(
      /^\s*([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\s*=\s*[a-z]{3}\s*)?(,\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\s*=\s*[a-z]{3}\s*)*$/,
      "must look like pt-BR=por,es=spa",
    )
    .default(""),
  /** Number of reverse proxies in front of the app whose X-Forwarded-For entries are trusted. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Password hashes (argon2id, 19 MiB each) computed at once per instance, and how many more may
   * wait for a turn; beyond that sign-in and sign-up answer "try again in a moment". Bounds the CPU
   * that a sign-up flood can take from the wallet's callbacks.
   */
  PASSWORD_WORK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Accounts one client address may create per hour (the browser suite, all from 127.0.0.1, raises it). */
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  PASSWORD_WORK_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /**
   * Password hashes (sign-in, sign-up, password change and reset) started per second per instance,
   * a token bucket holding at most twice this many: beyond it those answer "try again in a moment"
   * at once, without hashing. Bounds the CPU a password flood can take from the wallet in total,
   * where PASSWORD_WORK_CONCURRENCY bounds it at any instant.
   */
  PASSWORD_WORK_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(4),
  /**
   * The demo cashier (add play money from the account page): on in dev, off in production unless
   * set to true explicitly (then logged as a warning when the server starts).
   */
  DEMO_CASHIER: bool.optional(),
  /**
   * D11 bound on log noise: refused callbacks that never reached the wallet (address not allowed,
   * oversized or malformed body, bad md5, invalid fields) are written to callback_logs at most this
   * many times per source address per window; the rest of the window is only counted
   * (callback_refusal_windows, metric webgames_callback_log_dropped_total). Calls that reach the
   * wallet are always logged.
   */
  CALLBACK_REFUSAL_LOG_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  CALLBACK_REFUSAL_LOG_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  /**
   * Days callback_logs rows (and refusal counts) are kept; older ones are deleted in batches by the
   * server every CALLBACK_LOG_PRUNE_INTERVAL_MINUTES and by `npm run db:prune-logs`, except rows of a
   * round still open or flagged for review and not yet reviewed (docs/protocol.md D11). 0 = keep forever.
   */
  CALLBACK_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  CALLBACK_LOG_PRUNE_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(360),
  /** Log every callback to stdout as one JSON line (never the api_key or raw token). */
  CALLBACK_STDOUT_LOG: bool.default(false),
  /** Log level of the server's JSON log lines (stdout): fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token that GET /api/metrics requires. Unset: the metrics endpoint is not served (404). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Enables /api/bench/echo, the framework baseline of `npm run bench:*`. Off unless set. */
  BENCH_ROUTES: bool.default(false),
  /**
   * Four-eyes adjustments: a manual balance adjustment whose absolute amount is above this (in the
   * wallet's currency units) waits for a second staff member's approval. Per-currency overrides in
   * ADJUSTMENT_APPROVAL_THRESHOLDS, e.g. "BTC=0.01,JPY=10000".
   */
  ADJUSTMENT_APPROVAL_THRESHOLD: z
    .string()
    .regex(/^\d{1,20}(\.\d{1,8})?$/, "a non-negative decimal like 100.00")
    .default("100.00"),
  ADJUSTMENT_APPROVAL_THRESHOLDS: z
    .string()
    .regex(/^\s*([A-Za-z]{2,5}=\d{1,20}(\.\d{1,8})?\s*(,\s*|$))*$/, 'comma-separated CODE=amount pairs, e.g. "BTC=0.01,JPY=10000"')
    .default(""),
  /** Build output folder; lets two builds (e.g. tests and a dev server) live side by side. */
  NEXT_DIST_DIR: z.string().default(".next"),
});

export type Env = z.infer<typeof schema> & { DEMO_CASHIER: boolean };

export class EnvError extends Error {}

function isNextBuild(): boolean {
  const [, script = "", command] = process.argv;
  return /(^|[\\/])next(\.js)?$/.test(script) && command === "build";
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const nodeEnv = source.NODE_ENV ?? "development";
  // `next build` runs with NODE_ENV=production but serves nothing: secrets are checked at start.
  // Next sets NEXT_PHASE only after loading next.config.ts, so the build process is also
  // recognised by its command line.
  const building = source.NEXT_PHASE === "phase-production-build" || isNextBuild();
  const production = nodeEnv === "production" && !building;

  const input: Record<string, string | undefined> = { ...source };
  for (const key of Object.keys(input)) if (input[key] === "") delete input[key];

  if (production) {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !input[k]);
    if (missing.length > 0) {
      throw new EnvError(
        `Refusing to start in production: missing required environment variable(s): ${missing.join(", ")}. See .env.example.`,
      );
    }
    const published = REQUIRED_IN_PRODUCTION.filter((k) => PUBLISHED_SECRETS[k]?.includes(input[k] ?? ""));
    if (published.length > 0) {
      throw new EnvError(
        `Refusing to start in production: ${published.join(", ")} still set to the published development value(s) of .env.example. Set real secrets.`,
      );
    }
    const weak = weakAuthSecret(input.AUTH_SECRET ?? "");
    if (weak) throw new EnvError(`Refusing to start in production: AUTH_SECRET ${weak}.`);
  } else {
    for (const [k, v] of Object.entries(DEV_DEFAULTS)) if (v !== undefined) input[k] ??= v;
  }

  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`Invalid environment: ${problems}`);
  }
  return { ...parsed.data, DEMO_CASHIER: parsed.data.DEMO_CASHIER ?? !production };
}

export const env: Env = loadEnv();

// Auth.js builds its own URLs (redirects, cookie security) from AUTH_URL when it is set, and from
// the request's Host / X-Forwarded-* headers otherwise, which any client can write. Ours is APP_URL.
process.env.AUTH_URL = env.APP_URL;

// Once per process (this module is loaded by several bundles of the same server).
const announced = globalThis as { __webgamesEnvAnnounced?: boolean };
if (env.NODE_ENV === "production" && env.DEMO_CASHIER && !announced.__webgamesEnvAnnounced) {
  announced.__webgamesEnvAnnounced = true;
  console.warn(
    JSON.stringify({ level: "warn", msg: "DEMO_CASHIER=true in production: signed-in players can add play money to their real balance" }),
  );
}

/** Whether a variable was set by the operator (not defaulted): `npm run dev` starts what is not. */
export function isConfigured(name: "DATABASE_URL" | "WEBGAMES_API_URL" | "SMTP_URL"): boolean {
  return Boolean(process.env[name]);
}

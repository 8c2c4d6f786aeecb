import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * The server's logger configuration (the one instance is lib/log.ts): JSON lines on stdout (pino), one object per line, ready for any log
 * shipper. Level from LOG_LEVEL. Two layers keep secrets out of the lines:
 *  - by key: any field named like a token, hash, password, key, secret, cookie or authorization is
 *    replaced (pino's redaction, top level and two levels down);
 *  - by value: every string (messages and error texts included) is scrubbed of the configured
 *    secrets themselves (api key, Auth.js secret, metrics token), of anything shaped like a launch
 *    token (43+ base64url characters), a SHA-256 or md5 in hex, an argon2 hash, a bearer token or a
 *    password inside a connection URL. tests/faults/ops.test.ts reads a real run's lines and looks
 *    for every one of them.
 */
const SECRET_KEYS = [
  "token",
  "token_hash",
  "tokenHash",
  "hash",
  "password",
  "passwordHash",
  "password_hash",
  "api_key",
  "apiKey",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "csrfToken",
  "totp",
  "code_verifier",
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]);

const CENSOR = "[redacted]";

const knownSecrets = [env.WEBGAMES_API_KEY, env.AUTH_SECRET, env.METRICS_TOKEN]
  .filter((s): s is string => typeof s === "string" && s.length >= 6)
  // Longest first, so a secret that contains another is removed whole.
  .sort((a, b) => b.length - a.length);

const PATTERNS: [RegExp, string][] = [
  [/\$argon2(id|i|d)\$[^\s"']+/g, CENSOR],
  [/(bearer\s+)[^\s"',;]+/gi, `$1${CENSOR}`],
  [/(\w+:\/\/[^:/@\s"']+:)[^@\s"']+@/g, `$1${CENSOR}@`],
  [/\b[0-9a-f]{64}\b/gi, CENSOR],
  [/\b[0-9a-f]{32}\b/gi, CENSOR],
  [/[A-Za-z0-9_-]{43,}/g, CENSOR],
];

export function scrub(text: string): string {
  let out = text;
  for (const s of knownSecrets) if (out.includes(s)) out = out.split(s).join(CENSOR);
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}

/** A short error summary for a log line: name, message and PostgreSQL's SQLSTATE, never a stack. */
export function errSummary(err: unknown): { type: string; message: string; code?: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { type: err.name, message: err.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return { type: typeof err, message: String(err) };
}

/**
 * How an error is logged under `err`: its type, message and SQLSTATE or system code; the stack only
 * for errors without a code (bugs), where it helps. Always one line.
 */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const summary = errSummary(err);
  return summary.code || !err.stack ? summary : { ...summary, stack: err.stack };
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object" || depth > 4) return value;
  if (value instanceof Error) return scrubValue(serializeError(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** The app's logger configuration; `destination` only for tests (default: stdout, synchronous). */
export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: "webgames-casino", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: { err: serializeError },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

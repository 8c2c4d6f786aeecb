import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/ops/metrics";
import { inTransactionWithTimeouts, logPool } from "@/lib/pg";
import { REQUEST_ID_HEADER, requestId } from "@/lib/request-id";
import { WalletError } from "@/lib/wallet/errors";
import type { CallContext } from "@/lib/wallet/operations";
import { jsonAnswer, refusalAnswer, type WireAnswer } from "@/lib/webgames/callback-answer";
import {
  type CallbackFacts,
  type CallbackMethod,
  type CallbackRequest,
  factsOf,
  parseCallbackRequest,
  parseJsonObject,
  verifyCallbackSignature,
} from "@/lib/webgames/callback-request";
import { Code } from "@/lib/webgames/codes";
import { clientIp, parseAllowlist } from "./client-ip";
import { boundedRefusalStatement, type RefusalRecord, unboundedRefusalStatement } from "./refusal-log";

/** D1: bodies over 64 KiB are refused (HTTP 413, still JSON) without being read further. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};
const allowlist = parseAllowlist(env.WEBGAMES_ALLOWED_IPS);

/** Thrown by a body reader past MAX_BODY_BYTES; answered with HTTP 413 (D1). */
export class BodyTooLarge extends Error {}

/**
 * What the partner API needs of an HTTP request, whichever server carries it: Next's route
 * handlers (a Web `Request`, below) or server.mjs's own handler (lib/callbacks/node-handler.ts).
 */
export interface CallbackHttpRequest {
  headers: Pick<Headers, "get">;
  /** The body as UTF-8 text; rejects with BodyTooLarge past MAX_BODY_BYTES without reading on. */
  text(): Promise<string>;
}

/** The answer to write: always JSON. */
export interface CallbackHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function readWebBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A Web `Request` as the partner API reads it (Next's route handlers). */
export function webCallbackRequest(req: Request): CallbackHttpRequest {
  return { headers: req.headers, text: () => readWebBody(req) };
}

function answer(body: string, status = 200, reqId?: string): CallbackHttpAnswer {
  return { status, headers: reqId ? { ...JSON_HEADERS, [REQUEST_ID_HEADER]: reqId } : JSON_HEADERS, body };
}

const toResponse = (a: CallbackHttpAnswer): Response => new Response(a.body, { status: a.status, headers: a.headers });

/**
 * D11 for calls that never reached the wallet (address not allowed, bad body or JSON, bad md5,
 * invalid fields: `bounded`) or failed on the way to it (database down, pool timeout). The bounded
 * ones are written at most CALLBACK_REFUSAL_LOG_LIMIT times per source address per window and only
 * counted beyond (lib/callbacks/refusal-log.ts): anyone can send those, so they must not be able to
 * fill the database. Written through logPool in a transaction with 0.3 s statement and 0.2 s lock
 * timeouts (the pool's own connect and query timeouts bound the rest): a stuck database must not
 * push the provider's answer past its 5 s timeout. When the write fails, the same record goes to
 * the server log, so it is not lost.
 */
async function logRefusal(record: RefusalRecord, bounded: boolean, facts: CallbackFacts, reqId: string) {
  const statement = bounded
    ? boundedRefusalStatement(record, { limit: env.CALLBACK_REFUSAL_LOG_LIMIT, windowSeconds: env.CALLBACK_REFUSAL_LOG_WINDOW_SECONDS })
    : unboundedRefusalStatement(record);
  try {
    const rows = await inTransactionWithTimeouts<{ kept: boolean }>(logPool, { statementMs: 300, lockMs: 200 }, statement);
    if (bounded && rows[0]?.kept === false) metrics.callbackLogDropped.inc();
  } catch (err) {
    metrics.callbackLogFallbacks.inc();
    const { method, code, message, latencyMs, ip } = record;
    logger.error(
      { reqId, err, record: { method, ...facts, code, message, latencyMs, ip } },
      "callback log write failed; the record follows",
    );
  }
}

/** Metrics for every answered callback, and with CALLBACK_STDOUT_LOG one log line. */
function observe(method: string, facts: CallbackFacts, code: number, latencyMs: number, reqId: string) {
  metrics.callbacks.inc({ method, code: String(code) });
  metrics.callbackSeconds.observe({ method }, latencyMs / 1000);
  if (env.CALLBACK_STDOUT_LOG) logger.info({ reqId, method, ...facts, code, latencyMs: Math.round(latencyMs * 10) / 10 }, "callback");
}

type Handler<M extends CallbackMethod> = (req: CallbackRequest<M>, ctx: CallContext) => Promise<WireAnswer>;

/**
 * The one mapper of a failure to the protocol: a WalletError keeps its code and message; an
 * oversized body is code 1 with HTTP 413 (D1); anything else is code 1 with a generic message
 * (the cause goes to the server log; the provider retries code 1).
 */
function refusalOf(err: unknown): { error: WalletError; status: number; expected: boolean } {
  if (err instanceof WalletError) return { error: err, status: 200, expected: true };
  if (err instanceof BodyTooLarge) {
    return {
      error: new WalletError(Code.InternalError, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`),
      status: 413,
      expected: true,
    };
  }
  return { error: new WalletError(Code.InternalError, "Internal error"), status: 200, expected: false };
}

/**
 * The partner API's one wrapper (D1, D2, D11): reads the raw body with a size limit, parses JSON
 * losslessly, verifies the md5 before anything touches the database, validates with zod, calls the
 * wallet, times and records the call, and maps every failure to the protocol's JSON answer.
 * Route handlers stay one line.
 */
export function withCallback<M extends CallbackMethod>(method: M, handler: Handler<M>) {
  const wrongMethod = async () =>
    toResponse(answer(jsonAnswer({ code: Code.InternalError, message: "Method not allowed: use POST" }), 405));

  async function handle(req: CallbackHttpRequest): Promise<CallbackHttpAnswer> {
    const started = performance.now();
    const elapsedMs = () => performance.now() - started;
    const reqId = requestId(req.headers);
    const ip = clientIp(req.headers, env.TRUSTED_PROXY_HOPS);
    let facts: CallbackFacts = {};
    let reachedWallet = false;
    try {
      if (allowlist && !allowlist(ip)) throw new WalletError(Code.InternalError, "Access denied");
      const raw = parseJsonObject(await req.text());
      facts = factsOf(raw);
      verifyCallbackSignature(method, raw, env.WEBGAMES_API_KEY);
      const request = parseCallbackRequest(method, raw);
      // The wallet has recorded this call (D11) in the same transaction as its decision.
      reachedWallet = true;
      const wire = await handler(request, { elapsedMs, ip, logAs: method });
      observe(method, facts, wire.code, elapsedMs(), reqId);
      return answer(wire.body, 200, reqId);
    } catch (err) {
      const { error, status, expected } = refusalOf(err);
      if (!expected) {
        const cause = (err as { code?: unknown }).code;
        metrics.callbackFailures.inc({ method, cause: typeof cause === "string" ? cause.slice(0, 32) : "none" });
        logger.error({ reqId, method, ...facts, err }, "callback failed");
      }
      const latency = elapsedMs();
      observe(method, facts, error.code, latency, reqId);
      const record = { method, ...facts, code: error.code, message: error.message, latencyMs: latency, ip };
      await logRefusal(record, !reachedWallet, facts, reqId);
      return answer(refusalAnswer(error).body, status, reqId);
    }
  }

  const post = async (req: Request): Promise<Response> => toResponse(await handle(webCallbackRequest(req)));

  return { handle, POST: post, GET: wrongMethod, PUT: wrongMethod, PATCH: wrongMethod, DELETE: wrongMethod, OPTIONS: wrongMethod };
}

const notAMethod = async () =>
  toResponse(
    answer(jsonAnswer({ code: Code.InternalError, message: "Unknown method: the partner API has Authorization, Credit and Debit" }), 404),
  );

/** Handlers for any other path under /api/callbacks: JSON, never an HTML 404 page (D1). */
export const unknownCallback = {
  GET: notAMethod,
  POST: notAMethod,
  PUT: notAMethod,
  PATCH: notAMethod,
  DELETE: notAMethod,
  OPTIONS: notAMethod,
};

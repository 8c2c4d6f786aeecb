import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { jsonAnswer } from "@/lib/webgames/callback-answer";
import { Code } from "@/lib/webgames/codes";
import { authorizationEndpoint, creditEndpoint, debitEndpoint } from "./partner-api";
import { BodyTooLarge, type CallbackHttpRequest, MAX_BODY_BYTES } from "./with-callback";

/**
 * The partner API on Node's own HTTP server, off Next's request path (docs/operations.md, "The
 * partner API's own handler"). The same endpoints as app/api/callbacks/* (lib/callbacks/partner-api.ts),
 * read from an IncomingMessage instead of a Web Request: Next's routing, its Request and Response
 * objects and its async context cost more per call than the wallet's own work in Node.
 *
 * server.mjs loads this module bundled (scripts/build-partner-api.ts writes <distDir>/partner-api.mjs
 * next to the production build) and offers it every request first. It takes only
 * `POST /api/callbacks/{Authorization,Credit,Debit}` (any query string); everything else, including
 * other methods and paths under /api/callbacks, goes on to Next and gets the same answers as before.
 * The development server (`npm run dev`) does not load it: there Next's routes serve every call.
 */
const ENDPOINTS = new Map([
  ["/api/callbacks/Authorization", authorizationEndpoint],
  ["/api/callbacks/Credit", creditEndpoint],
  ["/api/callbacks/Debit", debitEndpoint],
]);

/** Node's header object as the partner API reads it (names are lower-cased, repeats joined). */
function nodeHeaders(req: IncomingMessage): Pick<Headers, "get"> {
  return {
    get(name: string): string | null {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** The body with the D1 limit: refused up front by its declared length, else when it grows past it. */
function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers["content-length"] ?? "0") > MAX_BODY_BYTES) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size).toString("utf8"));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    // The client went away mid-body: no "end" will come. Node says so with "error" (ECONNRESET,
    // "aborted"); "close" covers whatever else ends the stream without either.
    const onClose = () => onError(new Error("the request closed before its body ended"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * Answers the request and returns true when it is a partner API call; returns false (having
 * touched nothing) for every other request.
 */
export function partnerApi(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const query = req.url.indexOf("?");
  const path = query < 0 ? req.url : req.url.slice(0, query);
  if (path === NODE_ECHO_PATH && env.BENCH_ROUTES) return nodeEcho(req, res);
  const endpoint = ENDPOINTS.get(path);
  if (!endpoint) return false;
  const request: CallbackHttpRequest = { headers: nodeHeaders(req), text: () => readBody(req) };
  endpoint.handle(request).then(
    (answer) => {
      // A refused body may still be arriving: answer, then close rather than read the rest (D1).
      const headers = answer.status === 413 ? { ...answer.headers, connection: "close" } : answer.headers;
      res.writeHead(answer.status, headers).end(answer.body);
    },
    // handle() maps every failure to an answer; this is only a last resort, still JSON.
    () => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(jsonAnswer({ code: Code.InternalError, message: "Internal error" }));
    },
  );
  return true;
}

/**
 * bench:callbacks' second baseline (only with BENCH_ROUTES): app/api/bench/echo's work, parse a JSON
 * body and answer it back, on this handler instead of Next's, i.e. the ceiling of a callback that
 * does nothing on the path the callbacks now take.
 */
export const NODE_ECHO_PATH = "/api/bench/node-echo";

function nodeEcho(req: IncomingMessage, res: ServerResponse): true {
  readBody(req).then(
    (text) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(JSON.parse(text)));
    },
    () => res.writeHead(400, { "content-type": "application/json" }).end("{}"),
  );
  return true;
}

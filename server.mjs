// @ts-check
/**
 * The app's HTTP server: Next's own request handler behind a plain Node server, so that every
 * request carries the TCP peer's address in a header that no client can set (docs/protocol.md D14, see
 * lib/callbacks/client-ip.ts). Next's route handlers and server actions see only headers, never
 * the socket; any incoming copy of the header is dropped before the real address is written.
 *
 *   node server.mjs [--port 3000] [--hostname 0.0.0.0] [--dev]
 *
 * `npm start` (production), `npm run dev` (--dev) and every test, benchmark and fault rig run the
 * app through this file; `next start` / `next dev` alone would leave the peer address unknown.
 *
 * In production the provider's callbacks (`POST /api/callbacks/{Authorization,Credit,Debit}`) are
 * answered here by the partner API's own handler, bundled by `npm run build` into
 * <distDir>/partner-api.mjs from lib/callbacks/node-handler.ts, without going through Next's request
 * path (docs/operations.md, "The partner API's own handler"). Every other request goes to Next. Without
 * the bundle (a bare `next build`) Next's routes app/api/callbacks/* answer the callbacks, the same way.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Keep in step with PEER_ADDRESS_HEADER in lib/callbacks/client-ip.ts (proved by tests/http). */
export const PEER_ADDRESS_HEADER = "x-webgames-peer-address";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: "3000" },
    hostname: { type: "string", short: "H", default: "0.0.0.0" },
    dev: { type: "boolean", default: false },
  },
});
const dev = values.dev ?? false;
const port = Number(values.port);
const hostname = values.hostname ?? "0.0.0.0";
// As `next start` does: production unless told otherwise (must be set before Next loads).
if (!dev) process.env.NODE_ENV ??= "production";

const dir = path.dirname(new URL(import.meta.url).pathname);

/** @type {((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean) | null} */
let partnerApi = null;
if (!dev) {
  const bundle = path.join(dir, process.env.NEXT_DIST_DIR || ".next", "partner-api.mjs");
  if (existsSync(bundle)) {
    ({ partnerApi } = await import(pathToFileURL(bundle).href));
    console.log(JSON.stringify({ level: "info", msg: "partner API served by server.mjs", bundle: path.relative(dir, bundle) }));
  } else {
    console.warn(
      JSON.stringify({ level: "warn", msg: "no partner API bundle: Next's routes answer the callbacks (run npm run build)", bundle }),
    );
  }
}

const { default: next } = await import("next");
const app = next({ dev, turbopack: dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Node lower-cases header names and joins repeats, so one delete drops every client-written copy.
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  if (partnerApi?.(req, res)) return;
  handle(req, res).catch((err) => {
    console.error(JSON.stringify({ level: "error", msg: "request failed", err: String(err) }));
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: "Internal error" }));
    }
  });
});
server.listen(port, hostname, () => {
  console.log(`> ready on http://${hostname}:${port} (${dev ? "development" : process.env.NODE_ENV})`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

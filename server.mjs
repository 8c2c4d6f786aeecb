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
 */
import { createServer } from "node:http";
import path from "node:path";
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

const { default: next } = await import("next");
const app = next({ dev, turbopack: dev, dir: path.dirname(new URL(import.meta.url).pathname), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Node lower-cases header names and joins repeats, so one delete drops every client-written copy.
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
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

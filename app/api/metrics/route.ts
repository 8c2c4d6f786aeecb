import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/ops/scrape";

// Prometheus metrics, only for `Authorization: Bearer $METRICS_TOKEN`. Without a configured token
// the endpoint does not exist (404); a missing or wrong token is 401 and reveals nothing.
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };
const digest = (s: string) => createHash("sha256").update(s).digest();

function authorized(header: string | null): boolean {
  if (!env.METRICS_TOKEN || !header) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // Compared as digests: constant time whatever the length of what was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(env.METRICS_TOKEN));
}

export async function GET(req: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  if (!authorized(req.headers.get("authorization"))) {
    return Response.json({ error: "Unauthorized" }, { status: 401, headers: { ...NO_STORE, "www-authenticate": "Bearer" } });
  }
  return new Response(await renderMetrics(), { headers: { ...NO_STORE, "content-type": METRICS_CONTENT_TYPE } });
}

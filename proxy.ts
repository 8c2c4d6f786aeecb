import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestId } from "@/lib/request-id";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Security headers, set at request time rather than in next.config.ts `headers()`: those are
 * frozen into the build, while the provider's origin (allowed frames and icons) is runtime
 * configuration (WEBGAMES_API_URL) that may differ between builds and deployments.
 */
const headers = securityHeaders(env.WEBGAMES_API_URL, env.NODE_ENV !== "production");

export function proxy(req: NextRequest): NextResponse {
  // Every request gets an id (lib/request-id.ts), passed to the page or handler and echoed back.
  const id = requestId(req.headers);
  const forwarded = new Headers(req.headers);
  forwarded.set(REQUEST_ID_HEADER, id);
  const res = NextResponse.next({ request: { headers: forwarded } });
  res.headers.set(REQUEST_ID_HEADER, id);
  for (const [key, value] of headers) res.headers.set(key, value);
  return res;
}

export const config = {
  // Everything but the immutable build assets (their content types are fixed by Next) and the
  // machine-to-machine JSON endpoints (the provider's callbacks, the benchmark echo), which no browser
  // renders: they set their own headers and skip this hop on the wallet's hot path.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/callbacks/|api/bench/).*)"],
};

import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, LOCALE_HEADER, resolveRequestLocale } from "@/lib/i18n/locales";
import { REQUEST_ID_HEADER, requestId } from "@/lib/request-id";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Security headers, set at request time rather than in next.config.ts `headers()`: those are
 * frozen into the build, while the provider's origin (allowed frames and icons) is runtime
 * configuration (WEBGAMES_API_URL) that may differ between builds and deployments.
 *
 * Players' pages also get their locale here: the NEXT_LOCALE cookie, else Accept-Language, else
 * English (docs/i18n.md). The proxy only names it in a request header; next.config.ts's rewrites
 * map `/x` to app/[locale]/x by that header. (A rewrite returned from here would carry the origin
 * Next shows the proxy, "localhost", and behind `next start --hostname 127.0.0.1` Next treats that
 * as an external URL and proxies the request to itself.) The back office, the API and files
 * (icon.svg, …) are not localized.
 */
const headers = securityHeaders(env.WEBGAMES_API_URL, env.NODE_ENV !== "production", env.WEBGAMES_ICON_ORIGINS);

const NOT_LOCALIZED = /^\/(?:admin(?:\/|$)|api\/|_next\/)|\.[^/]+$/;
// next-intl reads this in server actions and dynamic renders (getLocale / getTranslations).
const NEXT_INTL_HEADER = "x-next-intl-locale";

export function proxy(req: NextRequest): NextResponse {
  // Every request gets an id (lib/request-id.ts), passed to the page or handler and echoed back.
  const id = requestId(req.headers);
  const forwarded = new Headers(req.headers);
  forwarded.set(REQUEST_ID_HEADER, id);
  // The locale headers are the proxy's own: never trusted from the client.
  forwarded.delete(LOCALE_HEADER);
  forwarded.delete(NEXT_INTL_HEADER);
  if (!NOT_LOCALIZED.test(req.nextUrl.pathname)) {
    const locale = resolveRequestLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get("accept-language"));
    forwarded.set(LOCALE_HEADER, locale);
    forwarded.set(NEXT_INTL_HEADER, locale);
  }
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

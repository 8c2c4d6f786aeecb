/**
 * Security headers for every response (set at request time by proxy.ts).
 *
 * Scripts: 'self' + 'unsafe-inline'. Next's App Router inlines its RSC payload and bootstrap as
 * inline <script>s; the alternative is a per-request nonce from proxy.ts, which makes every page
 * dynamic and defeats static pages and HTML caching (the lobby is static HTML, see
 * app/(site)/(lobby)/page.tsx; a nonce would force it to render per request). Our pages render
 * no user-controlled HTML (React escapes everything; no dangerouslySetInnerHTML), so the
 * residual XSS risk that 'unsafe-inline' leaves is small, while the other directives still hold: no foreign scripts,
 * frames only from the provider, no framing by others, forms and <base> pinned to our origin.
 */
export function contentSecurityPolicy(providerUrl: string, dev: boolean, iconOrigins: readonly string[] = []): string {
  const provider = new URL(providerUrl).origin;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    // Icons: the provider's host, and where its extended catalog spreadsheet links them (WEBGAMES_ICON_ORIGINS).
    "img-src": ["'self'", "data:", "blob:", provider, ...iconOrigins],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "frame-src": [provider],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

/** Every security header of our responses (set by proxy.ts at request time). */
export function securityHeaders(providerUrl: string, dev: boolean, iconOrigins: readonly string[] = []): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(providerUrl, dev, iconOrigins)],
    ["X-Content-Type-Options", "nosniff"],
    // Launch URLs carry a one-time token: never leak paths to other origins.
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "SAMEORIGIN"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
    // Production is served over HTTPS (behind the operator's TLS proxy): browsers must never try plain HTTP.
    ...(dev ? [] : ([["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] as [string, string][])),
  ];
}

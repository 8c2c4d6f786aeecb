/**
 * Where to go after sign-in / sign-up: only a path on this site, never another origin. Browsers
 * forgive a lot in a Location header (tabs and newlines are dropped, `\` is read as `/`, `//x` and
 * `/\x` are other hosts), so anything with a control character, a backslash or a scheme is refused
 * outright, and what is left is resolved as a URL against a fixed origin and must stay on it.
 * Everything else becomes "/". Table test of the known bypasses: tests/security/redirect.test.ts.
 */
const BASE = "http://app.invalid";
const NOT_PLAIN = /[^\u0021-\u007e]|\\/;

export function safeRedirectPath(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//")) return "/";
  // Only printable ASCII, and no backslash: our own paths are percent-encoded, so control characters
  // (tab, CR, LF, NUL), whitespace, Unicode separators and `\` only ever come from an attacker.
  if (NOT_PLAIN.test(raw)) return "/";
  // The same checks once more on the decoded text: "/%2F%2Fevil" and "/%5Cevil" must not survive a
  // second decoding somewhere else either.
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return "/";
    }
    if (next === decoded) break;
    decoded = next;
    if (decoded.startsWith("//") || NOT_PLAIN.test(decoded) || /^\/*[a-z][a-z0-9+.-]*:/i.test(decoded)) return "/";
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into "//host" ("/.//evil" → "//evil"): refuse what resolves so.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}

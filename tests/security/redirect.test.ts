import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/redirect";

/** Open-redirect bypasses: every one of these must end up on our own site. */
describe("redirect targets after sign-in: only same-origin relative paths survive", () => {
  it.each<[string, string]>([
    ["tab between slashes (browsers drop it: //evil)", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["space", "/ /evil.example"],
    ["protocol-relative", "//evil.example"],
    ["triple slash", "///evil.example"],
    ["backslash", "\\evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["slash backslash backslash", "/\\\\evil.example"],
    ["dot segment collapsing to //", "/.//evil.example"],
    ["dot-dot segment collapsing to //", "/x/..//evil.example"],
    ["percent-encoded slashes", "/%2F%2Fevil.example"],
    ["percent-encoded backslash", "/%5Cevil.example"],
    ["percent-encoded tab", "/%09/evil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["encoded everything", "%2F%2Fevil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: behind a slash, encoded", "/%6Aavascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["absolute http", "http://evil.example/"],
    ["absolute https", "https://evil.example/path"],
    ["scheme-relative with credentials", "//user@evil.example"],
    ["at-sign host trick", "/@evil.example"],
    ["unicode line separator", "/\u2028/evil.example"],
    ["broken percent-encoding", "/%E0%A4%A"],
    ["empty", ""],
  ])("%s", (_name, raw) => {
    const out = safeRedirectPath(raw);
    // Whatever survives resolves to our origin in a browser's URL parser.
    expect(new URL(out, "https://casino.example").origin).toBe("https://casino.example");
    expect(out.startsWith("//")).toBe(false);
    expect(out).not.toMatch(/[\s\\]/);
    if (raw !== "/@evil.example") expect(out).toBe("/");
  });

  it.each<[string, string]>([
    ["/", "/"],
    ["/play/11", "/play/11"],
    ["/admin/players/7?tab=ledger#top", "/admin/players/7?tab=ledger#top"],
    ["/account?from=%2Fplay%2F11", "/account?from=%2Fplay%2F11"],
    ["/play/11?lang=eng", "/play/11?lang=eng"],
  ])("keeps the site's own path %s", (raw, expected) => {
    expect(safeRedirectPath(raw)).toBe(expected);
  });

  it("null and undefined go home", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});

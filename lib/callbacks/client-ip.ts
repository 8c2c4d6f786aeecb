import { isIP } from "node:net";

/**
 * The caller's address for the provider allowlist and the D11 log. Next's server appends the
 * socket's address to X-Forwarded-For; each trusted reverse proxy in front of the app appends one
 * more. With `hops` trusted proxies the client is the entry `hops` places before the last one.
 * Entries further left are whatever the client claimed and are never trusted.
 */
export function clientIp(headers: Headers, hops: number): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - 1 - hops] ?? headers.get("x-real-ip") ?? null;
  return candidate ? normalizeIp(candidate) : null;
}

function normalizeIp(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return v4mapped?.[1] ?? ip;
}

function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

/** Allowlist of IPs and IPv4 CIDRs, e.g. "203.0.113.7, 198.51.100.0/24, ::1". Empty = allow all. */
export function parseAllowlist(spec: string): ((ip: string | null) => boolean) | null {
  const entries = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const rules = entries.map((entry) => {
    const [base = "", bitsText] = entry.split("/");
    if (bitsText !== undefined && isIP(base) === 4) {
      const bits = Number(bitsText);
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      const net = ipv4ToInt(base) & mask;
      return (ip: string) => isIP(ip) === 4 && (ipv4ToInt(ip) & mask) >>> 0 === net >>> 0;
    }
    const exact = normalizeIp(base);
    return (ip: string) => ip === exact;
  });
  return (ip) => ip !== null && rules.some((rule) => rule(normalizeIp(ip)));
}

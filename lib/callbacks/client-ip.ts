import { isIP } from "node:net";

/**
 * The caller's address (docs/protocol.md D14) for the provider allowlist, the sign-in and sign-up limits and
 * the D11 log. server.mjs writes the TCP peer's address into this header on every request after
 * dropping any copy the client sent, so no client can choose it. Keep the name in step with
 * server.mjs (tests/http/client-address.test.ts proves the pair over real HTTP).
 */
export const PEER_ADDRESS_HEADER = "x-webgames-peer-address";

let warnedMissingPeer = false;

/**
 * With `hops` = 0 the caller is the TCP peer. Behind `hops` trusted reverse proxies, each appending
 * the address it saw to X-Forwarded-For, the caller is the `hops`-th entry from the right; entries
 * further left are whatever the client wrote and never count. A chain shorter than `hops` means the
 * request did not come through every proxy: the peer is then all we know. Returns null only when
 * the app was started without server.mjs (no peer header) and no trusted entry exists.
 */
export function clientIp(headers: Pick<Headers, "get">, hops: number): string | null {
  const peerHeader = headers.get(PEER_ADDRESS_HEADER);
  const peer = peerHeader ? normalizeIp(peerHeader.trim()) : null;
  if (peer === null && !warnedMissingPeer) {
    warnedMissingPeer = true;
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: `no ${PEER_ADDRESS_HEADER} header: start the app with server.mjs (npm start / npm run dev), or client addresses are unknown`,
      }),
    );
  }
  if (hops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = chain.length >= hops ? chain[chain.length - hops] : undefined;
  if (entry === undefined) return peer;
  const ip = normalizeIp(entry);
  return isIP(ip) ? ip : peer;
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

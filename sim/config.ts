// Simulator configuration: partners and fault knobs, from flags, env or the control endpoint.
export interface FaultConfig {
  /** Extra attempts after a timeout, a non-JSON answer, a network error or a 5xx (same transaction_id). */
  retries: number;
  /** Per-attempt timeout for partner calls. */
  timeoutMs: number;
  /** 0..1: probability that a partner call is sent twice concurrently. */
  duplicateRate: number;
  /** Delay before every partner call (widens race windows, mimics a slow provider). */
  slowMs: number;
}

export const DEFAULT_FAULTS: FaultConfig = { retries: 0, timeoutMs: 5000, duplicateRate: 0, slowMs: 0 };

export interface PartnerInput {
  partnerId: number | string;
  apiKey: string;
  /** One base URL, a comma-separated list, or an array; callbacks are spread round-robin. */
  apiUrl: string | readonly string[];
  faults?: Partial<FaultConfig>;
}

export interface Partner {
  partnerId: string;
  apiKey: string;
  apiUrls: string[];
  faults: FaultConfig;
  nextUrl: number;
}

export const DEV_PARTNER: PartnerInput = {
  partnerId: 1,
  apiKey: "dev-secret",
  apiUrl: "http://localhost:3000/api/callbacks",
};

export function splitUrls(apiUrl: string | readonly string[]): string[] {
  const list = typeof apiUrl === "string" ? apiUrl.split(",") : [...apiUrl];
  // partner_api_url is a base URL without a trailing slash (docs/protocol.md, wire rules); be lenient on input.
  return list.map((u) => u.trim().replace(/\/+$/, "")).filter((u) => u.length > 0);
}

export function validateFaults(input: unknown): Partial<FaultConfig> {
  if (typeof input !== "object" || input === null) throw new Error("faults must be an object");
  const src = input as Record<string, unknown>;
  const out: Partial<FaultConfig> = {};
  const num = (key: keyof FaultConfig, min: number, max: number): void => {
    const v = src[key];
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      throw new Error(`${key} must be a number in [${min}, ${max}]`);
    }
    out[key] = v;
  };
  num("retries", 0, 10);
  num("timeoutMs", 1, 120_000);
  num("duplicateRate", 0, 1);
  num("slowMs", 0, 60_000);
  if (out.retries !== undefined) out.retries = Math.floor(out.retries);
  return out;
}

export function makePartner(input: PartnerInput, defaults: Partial<FaultConfig> = {}): Partner {
  const partnerId = String(input.partnerId);
  if (!/^\d+$/.test(partnerId)) throw new Error(`partner_id must be an integer: ${partnerId}`);
  const apiUrls = splitUrls(input.apiUrl);
  if (apiUrls.length === 0) throw new Error(`partner ${partnerId} has no partner_api_url`);
  for (const u of apiUrls) new URL(u); // throws on garbage
  return {
    partnerId,
    apiKey: input.apiKey,
    apiUrls,
    faults: { ...DEFAULT_FAULTS, ...defaults, ...(input.faults ?? {}) },
    nextUrl: 0,
  };
}

/** "1:dev-secret:http://host/api/callbacks[,http://host2/...]" (the URL part may contain colons). */
export function parsePartnerFlag(flag: string): PartnerInput {
  const first = flag.indexOf(":");
  const second = flag.indexOf(":", first + 1);
  if (first < 0 || second < 0) throw new Error(`--partner wants id:api_key:url, got ${flag}`);
  return { partnerId: flag.slice(0, first), apiKey: flag.slice(first + 1, second), apiUrl: flag.slice(second + 1) };
}

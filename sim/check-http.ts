// Raw HTTP for the conformance checker: it must see the exact answer text (number formatting,
// key case, HTML pages), so nothing here trusts JSON.parse alone.
import { isLosslessNumber, parse } from "lossless-json";
import { sign } from "./signature.js";
import { idValue, RawNumber, type WireValue, writeJson } from "./wire-json.js";

export interface Reply {
  method: string;
  status: number;
  text: string;
  /** Lossless parse when the text is a JSON object, else null. */
  body: Record<string, unknown> | null;
  code: number | null;
  ms: number;
  error: string | null;
}

export type HashMode = "ok" | "upper" | "wrong" | "missing";

export interface OpFields {
  player: string;
  round: string;
  game: string;
  tx: string;
  token: string;
  amount: string;
  isClose: boolean;
  betAmount?: string;
}

export class PartnerHttp {
  readonly replies: Reply[] = [];
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async raw(method: string, body: string, opts: { contentType?: string; httpMethod?: string } = {}): Promise<Reply> {
    const started = performance.now();
    const httpMethod = opts.httpMethod ?? "POST";
    let reply: Reply;
    try {
      const res = await fetch(`${this.baseUrl}/${method}`, {
        method: httpMethod,
        headers: { "content-type": opts.contentType ?? "application/json" },
        ...(httpMethod === "GET" || httpMethod === "HEAD" ? {} : { body }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let parsed: Record<string, unknown> | null = null;
      try {
        const v = parse(text);
        if (typeof v === "object" && v !== null && !Array.isArray(v)) parsed = v as Record<string, unknown>;
      } catch {
        parsed = null;
      }
      const c = parsed?.["code"];
      const codeText = isLosslessNumber(c) ? c.value : null;
      reply = {
        method,
        status: res.status,
        text,
        body: parsed,
        code: codeText !== null && /^-?\d+$/.test(codeText) ? Number(codeText) : null,
        ms: performance.now() - started,
        error: null,
      };
    } catch (err) {
      reply = {
        method,
        status: 0,
        text: "",
        body: null,
        code: null,
        ms: performance.now() - started,
        error: err instanceof Error ? err.message : String(err),
      };
    }
    this.replies.push(reply);
    return reply;
  }

  private hash(method: string, values: string[], mode: HashMode): string | null {
    if (mode === "missing") return null;
    if (mode === "wrong") return sign(method, [...values, "x"], this.apiKey);
    const h = sign(method, values, this.apiKey);
    return mode === "upper" ? h.toUpperCase() : h;
  }

  authBody(player: string, game: string, token: string, mode: HashMode = "ok"): string {
    const fields: [string, WireValue][] = [
      ["player_id", idValue(player)],
      ["game_id", idValue(game)],
      ["token", token],
    ];
    const h = this.hash("Authorization", [player, game, token], mode);
    if (h !== null) fields.push(["hash", h]);
    return writeJson(fields);
  }

  opBody(method: "Credit" | "Debit", f: OpFields, mode: HashMode = "ok", signed?: OpFields): string {
    const s = signed ?? f;
    const fields: [string, WireValue][] = [
      ["token", f.token],
      ["player_id", idValue(f.player)],
      ["round_id", idValue(f.round)],
      ["game_id", idValue(f.game)],
      ["transaction_id", idValue(f.tx)],
      ["amount", new RawNumber(f.amount)],
    ];
    if (method === "Debit") fields.push(["bet_amount", new RawNumber(f.betAmount ?? "0")]);
    fields.push(["is_close", f.isClose]);
    const h = this.hash(method, [s.player, s.round, s.game, s.tx, s.token], mode);
    if (h !== null) fields.push(["hash", h]);
    return writeJson(fields);
  }

  auth(player: string, game: string, token: string, mode: HashMode = "ok"): Promise<Reply> {
    return this.raw("Authorization", this.authBody(player, game, token, mode));
  }

  op(method: "Credit" | "Debit", f: OpFields, mode: HashMode = "ok"): Promise<Reply> {
    return this.raw(method, this.opBody(method, f, mode));
  }
}

/** Exact text of a numeric field of an answer, or null. */
export function numField(r: Reply, key: string): string | null {
  const v = r.body?.[key];
  return isLosslessNumber(v) ? v.value : null;
}

/** Number literals in a JSON text that betray binary floats (0.30000000000000004, 999.6999999999999, 1e-7). */
export function floatArtefacts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<=[:[,]\s*)-?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?(?=\s*[,}\]])/g)) {
    const lit = m[0];
    const frac = m[1] ?? "";
    if (/[eE]/.test(lit) || frac.length > 8 || /(0{6,}|9{6,})\d$/.test(frac)) out.push(lit);
  }
  return out;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

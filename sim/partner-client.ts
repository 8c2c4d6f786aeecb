// The one door to a partner wallet: signs, sends, retries, records, and classifies answers.
import type { Partner } from "./config.js";
import type { Ledger, LedgerEntry, Method } from "./ledger.js";
import { sign } from "./signature.js";
import { idValue, numberText, parseLossless, RawNumber, type WireValue, writeJson } from "./wire-json.js";

export interface PartnerAnswer {
  /** A JSON object with a numeric lowercase `code` came back. */
  valid: boolean;
  code: number | null;
  message: string | null;
  /** Lossless parse of the answer (numbers are LosslessNumber). */
  body: Record<string, unknown> | null;
  balance: string | null;
  error: string | null;
  entry: LedgerEntry;
}

interface Attempt {
  kind: "answered" | "invalid" | "timeout" | "network" | "http-error";
  retryable: boolean;
  status: number;
  body: Record<string, unknown> | null;
  error: string | null;
}

export interface CallMeta {
  player_id: string;
  game_id: string;
  round_id?: string;
  transaction_id?: string;
  amount?: string;
  bet_amount?: string;
  is_close?: boolean;
  token: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function classify(status: number, text: string): Attempt {
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch {
    return { kind: "invalid", retryable: true, status, body: null, error: `non-JSON answer (HTTP ${status})` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { kind: "invalid", retryable: true, status, body: null, error: `answer is not a JSON object (HTTP ${status})` };
  }
  const body = parsed as Record<string, unknown>;
  if (status >= 500) return { kind: "http-error", retryable: true, status, body, error: `HTTP ${status}` };
  // The provider only reads lowercase keys: `Code` or `CODE` is as good as no answer.
  const codeText = numberText(body["code"]);
  if (codeText === null || !/^-?\d+$/.test(codeText)) {
    const hint = Object.keys(body).some((k) => k.toLowerCase() === "code" && k !== "code") ? " (keys must be lowercase)" : "";
    return { kind: "invalid", retryable: false, status, body, error: `answer has no numeric "code"${hint}` };
  }
  return { kind: "answered", retryable: false, status, body, error: null };
}

export class PartnerClient {
  constructor(
    private readonly partner: Partner,
    private readonly ledger: Ledger,
    private readonly log: (line: string) => void,
    private readonly random: () => number = Math.random,
  ) {}

  private nextUrl(): string {
    const urls = this.partner.apiUrls;
    const url = urls[this.partner.nextUrl % urls.length] ?? urls[0] ?? "";
    this.partner.nextUrl = (this.partner.nextUrl + 1) % urls.length;
    return url;
  }

  private async send(method: Method, body: string): Promise<Attempt> {
    const url = `${this.nextUrl()}/${method}`;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(this.partner.faults.timeoutMs),
      });
      const text = await res.text();
      return classify(res.status, text);
    } catch (err) {
      const name = err instanceof Error ? err.name : "";
      if (name === "TimeoutError" || name === "AbortError") {
        return { kind: "timeout", retryable: true, status: 0, body: null, error: `no answer within ${this.partner.faults.timeoutMs} ms` };
      }
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
      return { kind: "network", retryable: true, status: 0, body: null, error: `network error: ${cause}` };
    }
  }

  /** Sends one logical call; retries reuse the exact same body (same transaction_id and hash). */
  async call(method: Method, meta: CallMeta): Promise<PartnerAnswer> {
    const { apiKey, faults } = this.partner;
    const fields: [string, WireValue][] = [];
    let hash: string;
    if (method === "Authorization") {
      hash = sign(method, [meta.player_id, meta.game_id, meta.token], apiKey);
      fields.push(["player_id", idValue(meta.player_id)], ["game_id", idValue(meta.game_id)], ["token", meta.token]);
    } else {
      const round = meta.round_id ?? "";
      const tx = meta.transaction_id ?? "";
      hash = sign(method, [meta.player_id, round, meta.game_id, tx, meta.token], apiKey);
      fields.push(
        ["token", meta.token],
        ["player_id", idValue(meta.player_id)],
        ["round_id", idValue(round)],
        ["game_id", idValue(meta.game_id)],
        ["transaction_id", idValue(tx)],
        ["amount", new RawNumber(meta.amount ?? "0")],
      );
      if (method === "Debit") fields.push(["bet_amount", new RawNumber(meta.bet_amount ?? "0")]);
      fields.push(["is_close", meta.is_close ?? false]);
    }
    fields.push(["hash", hash]);
    const body = writeJson(fields);

    const started = performance.now();
    let attempts = 0;
    let duplicates = 0;
    let iterations = 0;
    let last: Attempt | null = null;
    for (let i = 0; i <= faults.retries; i++) {
      if (i > 0) await sleep(Math.min(1000, 50 * 2 ** (i - 1)));
      if (faults.slowMs > 0) await sleep(faults.slowMs);
      iterations++;
      const twice = faults.duplicateRate > 0 && this.random() < faults.duplicateRate;
      const sends = twice ? [this.send(method, body), this.send(method, body)] : [this.send(method, body)];
      attempts += sends.length;
      if (twice) duplicates++;
      const results = await Promise.all(sends);
      last = results.find((r) => r.kind === "answered") ?? results[0] ?? null;
      if (last && !last.retryable) break;
    }
    const latency = Math.round(performance.now() - started);
    const a: Attempt = last ?? { kind: "network", retryable: false, status: 0, body: null, error: "not sent" };
    const code = a.kind === "answered" ? Number(numberText(a.body?.["code"])) : null;
    const message = typeof a.body?.["message"] === "string" ? (a.body["message"] as string) : null;
    const balance = a.kind === "answered" ? numberText(a.body?.["balance"]) : null;
    const entry = this.ledger.add({
      partner_id: this.partner.partnerId,
      method,
      player_id: meta.player_id,
      game_id: meta.game_id,
      round_id: meta.round_id ?? null,
      transaction_id: meta.transaction_id ?? null,
      amount: meta.amount ?? null,
      bet_amount: meta.bet_amount ?? null,
      is_close: meta.is_close ?? null,
      code,
      message,
      balance,
      attempts,
      retries: iterations - 1,
      duplicates,
      outcome: a.kind,
      latency_ms: latency,
    });
    // Never log the api_key or the raw token.
    this.log(
      `partner=${this.partner.partnerId} POST /${method} player=${meta.player_id}` +
        (meta.round_id ? ` round=${meta.round_id} tx=${meta.transaction_id}` : "") +
        ` code=${code ?? "-"} ${latency}ms attempts=${attempts}${a.error ? ` error="${a.error}"` : ""}`,
    );
    return {
      valid: a.kind === "answered",
      code,
      message,
      body: a.body,
      balance,
      error: a.error,
      entry,
    };
  }
}

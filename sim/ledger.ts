// The simulator's own record of every partner call, for reconciliation against the partner's ledger.
export type Method = "Authorization" | "Credit" | "Debit";

export interface LedgerEntry {
  seq: number;
  at: string;
  partner_id: string;
  method: Method;
  player_id: string;
  game_id: string;
  round_id: string | null;
  transaction_id: string | null;
  amount: string | null;
  bet_amount: string | null;
  is_close: boolean | null;
  /** Partner's final code, null when no valid JSON answer ever came back. */
  code: number | null;
  message: string | null;
  balance: string | null;
  /** HTTP requests sent for this call, counting retries and duplicates. */
  attempts: number;
  retries: number;
  duplicates: number;
  outcome: "answered" | "invalid" | "timeout" | "network" | "http-error";
  latency_ms: number;
}

const MAX_ENTRIES = 500_000;

export class Ledger {
  private entries: LedgerEntry[] = [];
  private seq = 0;

  add(entry: Omit<LedgerEntry, "seq" | "at">): LedgerEntry {
    const full: LedgerEntry = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  list(filter: { partner_id?: string; player_id?: string; method?: string; since?: number } = {}): LedgerEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.partner_id === undefined || e.partner_id === filter.partner_id) &&
        (filter.player_id === undefined || e.player_id === filter.player_id) &&
        (filter.method === undefined || e.method === filter.method) &&
        (filter.since === undefined || e.seq > filter.since),
    );
  }

  clear(): void {
    this.entries = [];
  }
}

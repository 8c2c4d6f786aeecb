import { logger } from "@/lib/log";
import type { CatalogGame } from "@/lib/webgames/client";

/**
 * The catalog as the lobby sees it: an in-process copy with a TTL and stale-while-revalidate,
 * backed by a shared snapshot store (the `catalog_snapshots` table) that holds the last good
 * catalog. Reads never wait for the provider once any copy exists:
 *  - fresh in memory → served as is;
 *  - older than the TTL → served as is while one background refresh runs;
 *  - nothing in memory (restart) → the stored snapshot is served, refreshed in the background
 *    if it is older than the TTL;
 *  - nothing anywhere (first start ever) → the one read that has to wait for the provider.
 * A failed refresh keeps the last good catalog and marks it stale (shown to admins).
 */
export interface CatalogSnapshot {
  games: CatalogGame[];
  fetchedAt: Date;
  /** The last refresh attempt failed: the provider is down or answering errors. */
  stale: boolean;
  lastError: string | null;
}

export interface SnapshotStore {
  load(): Promise<CatalogSnapshot | null>;
  save(games: CatalogGame[], fetchedAt: Date): Promise<void>;
  recordFailure(message: string, at: Date): Promise<void>;
}

export interface CatalogCacheOptions {
  fetchCatalog: () => Promise<CatalogGame[]>;
  store: SnapshotStore;
  ttlMs: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

const UNAVAILABLE = Symbol.for("webgames.CatalogUnavailableError");

/**
 * Thrown when no catalog exists anywhere (provider down and no snapshot). The cache instance lives
 * on globalThis and Next bundles this module into several routes, so the error may come from
 * another bundle's copy of this class: `instanceof` checks a global brand instead of the prototype.
 */
export class CatalogUnavailableError extends Error {
  readonly [UNAVAILABLE] = true;
  constructor(cause: unknown) {
    super(`The game catalog is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "CatalogUnavailableError";
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[UNAVAILABLE] === true;
  }
}

export class CatalogCache {
  private current: CatalogSnapshot | null = null;
  /** When this instance last checked the provider or the store (ms); drives the TTL. */
  private checkedAt = 0;
  private inflight: Promise<CatalogSnapshot> | null = null;
  private readonly now: () => number;
  private readonly log: (msg: string, err?: unknown) => void;

  constructor(private readonly opts: CatalogCacheOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((msg, err) => logger.warn({ err }, msg));
  }

  async get(): Promise<CatalogSnapshot> {
    if (this.current) {
      if (this.now() - this.checkedAt >= this.opts.ttlMs) void this.refresh().catch(() => {});
      return this.current;
    }
    const stored = await this.opts.store.load().catch((err: unknown) => {
      this.log("catalog snapshot load failed", err);
      return null;
    });
    if (stored && !this.current) {
      this.current = stored;
      this.checkedAt = stored.fetchedAt.getTime();
      if (this.now() - this.checkedAt >= this.opts.ttlMs) void this.refresh().catch(() => {});
      return stored;
    }
    if (this.current) return this.current;
    return this.refresh();
  }

  /**
   * Fetches the provider's catalog now (one at a time per process). On failure the last good copy
   * stays and is marked stale; with no copy at all the error is thrown.
   */
  refresh(): Promise<CatalogSnapshot> {
    this.inflight ??= this.doRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async doRefresh(): Promise<CatalogSnapshot> {
    const started = this.now();
    try {
      const games = await this.opts.fetchCatalog();
      const fetchedAt = new Date(this.now());
      this.current = { games, fetchedAt, stale: false, lastError: null };
      this.checkedAt = started;
      await this.opts.store.save(games, fetchedAt).catch((err: unknown) => this.log("catalog snapshot save failed", err));
      return this.current;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log("catalog refresh failed; serving the last good catalog", err);
      // Retry after the TTL again, not on every read, so a dead provider is not hammered.
      this.checkedAt = started;
      if (!this.current) {
        const stored = await this.opts.store.load().catch(() => null);
        if (stored) this.current = stored;
      }
      const failedAt = new Date(this.now());
      if (!this.current) {
        await this.opts.store.recordFailure(message, failedAt).catch(() => {});
        throw new CatalogUnavailableError(err);
      }
      this.current = { ...this.current, stale: true, lastError: message };
      await this.opts.store.recordFailure(message, failedAt).catch(() => {});
      return this.current;
    }
  }

  /** Forgets the in-process copy (tests; an admin's "reload from the provider" uses refresh()). */
  reset(): void {
    this.current = null;
    this.checkedAt = 0;
  }
}

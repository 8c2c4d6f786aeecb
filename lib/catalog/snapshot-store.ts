import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CatalogGame } from "@/lib/webgames/client";
import type { CatalogSnapshot, SnapshotStore } from "./catalog-cache";

/** The `catalog_snapshots` row for one game type: the last good catalog, shared by all instances. */
export function dbSnapshotStore(type: string): SnapshotStore {
  return {
    async load(): Promise<CatalogSnapshot | null> {
      const row = await prisma.catalogSnapshot.findUnique({ where: { type } });
      if (!row) return null;
      const stale = row.lastErrorAt !== null && row.lastErrorAt > row.fetchedAt;
      return { games: row.games as unknown as CatalogGame[], fetchedAt: row.fetchedAt, stale, lastError: stale ? row.lastError : null };
    },
    async save(games: CatalogGame[], fetchedAt: Date): Promise<void> {
      const json = games as unknown as Prisma.InputJsonValue;
      await prisma.catalogSnapshot.upsert({
        where: { type },
        create: { type, games: json, gameCount: games.length, fetchedAt },
        update: { games: json, gameCount: games.length, fetchedAt, updatedAt: new Date() },
      });
    },
    async recordFailure(message: string, at: Date): Promise<void> {
      await prisma.catalogSnapshot.updateMany({ where: { type }, data: { lastError: message.slice(0, 500), lastErrorAt: at } });
    },
  };
}

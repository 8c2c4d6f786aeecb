import "server-only";
import { prisma } from "@/lib/db";

/** The player's own bets, wins and adjustments, newest first, keyset-paginated by id. */
export const LEDGER_PAGE_SIZE = 20;

export interface LedgerRow {
  id: string;
  kind: "bet" | "win" | "adjustment";
  amount: string;
  balanceAfter: string;
  gameId: number | null;
  roundId: string | null;
  reason: string | null;
  createdAt: Date;
}

export async function playerLedgerPage(playerId: number, before?: bigint): Promise<{ rows: LedgerRow[]; nextBefore: string | null }> {
  const entries = await prisma.ledgerEntry.findMany({
    where: { playerId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: LEDGER_PAGE_SIZE + 1,
    select: { id: true, kind: true, amount: true, balanceAfter: true, gameId: true, roundId: true, reason: true, createdAt: true },
  });
  const page = entries.slice(0, LEDGER_PAGE_SIZE);
  return {
    rows: page.map((e) => ({ ...e, id: e.id.toString(), amount: e.amount.toString(), balanceAfter: e.balanceAfter.toString() })),
    nextBefore: entries.length > LEDGER_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

export async function playerBalance(playerId: number): Promise<{ balance: string; currency: string } | null> {
  const w = await prisma.wallet.findUnique({ where: { playerId }, select: { balance: true, currency: true } });
  return w ? { balance: w.balance.toString(), currency: w.currency } : null;
}

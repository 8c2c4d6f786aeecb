import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createPlayer, type NewPlayer } from "@/lib/players/create-player";

/**
 * Development seed (idempotent: existing accounts are left as they are). The accounts are listed
 * in the README. Opening balances are ledger adjustments, so balance = sum(ledger) from the start.
 */
export const SEED_ACCOUNTS: NewPlayer[] = [
  { email: "player@example.com", password: "player123", nick: "Lucky Lena", currency: "EUR", openingBalance: "1000.00" },
  { email: "player2@example.com", password: "player123", nick: "Max Spins", currency: "USD", openingBalance: "500.00" },
  { email: "satoshi@example.com", password: "player123", nick: "Satoshi", currency: "BTC", openingBalance: "0.50000000" },
  { email: "blocked@example.com", password: "player123", nick: "Blocked Bob", currency: "EUR", openingBalance: "100.00", blocked: true },
  // One staff member per role (lib/admin/permissions.ts). Each sets up their own second factor at
  // first sign-in: no TOTP secret is seeded.
  { email: "admin@example.com", password: "admin123", nick: "Admin", currency: "EUR", role: "admin" },
  { email: "finance@example.com", password: "finance123", nick: "Finance", currency: "EUR", role: "finance" },
  { email: "support@example.com", password: "support123", nick: "Support", currency: "EUR", role: "support" },
  { email: "auditor@example.com", password: "auditor123", nick: "Auditor", currency: "EUR", role: "auditor" },
];

export class SeedInProductionError extends Error {
  constructor() {
    super("Refusing to seed with NODE_ENV=production: the seed creates accounts with published passwords (admin@example.com / admin123).");
  }
}

export async function seed(log: (msg: string) => void = console.log): Promise<void> {
  if (env.NODE_ENV === "production") throw new SeedInProductionError();
  for (const account of SEED_ACCOUNTS) {
    const existing = await prisma.player.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    const { id } = await createPlayer({ ...account, emailVerified: true, openingReason: "Seed: opening balance" });
    log(`seeded ${account.email} (#${id})`);
  }
  // The demo accounts are verified, also in a database seeded before email verification existed.
  await prisma.player.updateMany({
    where: { email: { in: SEED_ACCOUNTS.map((a) => a.email) }, emailVerifiedAt: null },
    data: { emailVerifiedAt: new Date() },
  });
}

// Run directly: `npm run db:seed`.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await seed();
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
  await prisma.$disconnect();
}

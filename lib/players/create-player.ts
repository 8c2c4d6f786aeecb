import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { adjustBalance } from "@/lib/wallet/adjust";

export interface NewPlayer {
  email: string;
  password: string;
  nick: string;
  currency: string;
  role?: "player" | "admin" | "finance" | "support" | "auditor";
  blocked?: boolean;
  /** Created with a verified email (seeded demo accounts); sign-up leaves it unverified. */
  emailVerified?: boolean;
  /** UI locale (lib/i18n/locales.ts), e.g. the one the player signed up in. */
  language?: string | null;
  /** Opening balance, written to the ledger as an adjustment so balance = sum(ledger) holds. */
  openingBalance?: string;
  openingReason?: string;
  /** A sign-up from outside: its hash counts against PASSWORD_WORK_PER_SECOND (lib/auth/password.ts). */
  meteredPasswordWork?: boolean;
}

export class EmailTakenError extends Error {}

/** Creates a player and its wallet in one transaction; the opening balance goes through the ledger. */
export async function createPlayer(p: NewPlayer): Promise<{ id: number }> {
  const email = p.email.trim().toLowerCase();
  const passwordHash = await hashPassword(p.password, { metered: p.meteredPasswordWork ?? false });
  let id: number;
  try {
    id = await prisma.$transaction(async (tx) => {
      const player = await tx.player.create({
        data: {
          email,
          passwordHash,
          nick: p.nick.trim(),
          currency: p.currency,
          role: p.role ?? "player",
          blocked: p.blocked ?? false,
          emailVerifiedAt: p.emailVerified ? new Date() : null,
          language: p.language ?? null,
        },
        select: { id: true },
      });
      await tx.wallet.create({ data: { playerId: player.id, currency: p.currency } });
      return player.id;
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new EmailTakenError(email);
    throw err;
  }
  if (p.openingBalance && p.openingBalance !== "0") {
    await adjustBalance({ playerId: id, amount: p.openingBalance, reason: p.openingReason ?? "Opening balance", adminId: null });
  }
  return { id };
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/pg";

export * from "@/lib/pg";

/** Prisma over the process's one pg pool (lib/pg.ts), for everything but the wallet's hot path. */
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };
globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool) });
export const prisma: PrismaClient = globalForDb.prisma;

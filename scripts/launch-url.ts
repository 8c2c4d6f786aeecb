import { parseArgs } from "node:util";
import { pool, prisma } from "@/lib/db";
import { WalletError } from "@/lib/wallet/errors";
import { issueLaunch } from "@/lib/wallet/launch";

/**
 * `npm run launch-url -- --email player@example.com --game 11 [--language eng]`
 * Prints a fresh real-money launch URL, made by the same function as the play page: the full URL
 * that the provider's support asks for, and the input of `npm run sim:check -- --launch-cmd`.
 */
const usage = "usage: npm run launch-url -- --email <player email> --game <game id> [--language eng]";
const { values } = parseArgs({
  options: { email: { type: "string" }, game: { type: "string" }, language: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help || !values.email || !values.game) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const gameId = Number(values.game);
if (!Number.isInteger(gameId) || gameId <= 0) {
  console.error(`--game must be a positive integer\n${usage}`);
  process.exit(2);
}
if (values.language && !/^[a-z]{3}$/.test(values.language)) {
  console.error(`--language must be a three-letter code such as eng\n${usage}`);
  process.exit(2);
}

try {
  const player = await prisma.player.findUnique({ where: { email: values.email.trim().toLowerCase() }, select: { id: true } });
  if (!player) {
    console.error(`no player with email ${values.email}`);
    process.exitCode = 1;
  } else {
    const launch = await issueLaunch({ playerId: player.id, gameId, language: values.language ?? "eng" });
    console.log(launch.url);
  }
} catch (err) {
  console.error(err instanceof WalletError ? `refused: ${err.message} (code ${err.code})` : `failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}

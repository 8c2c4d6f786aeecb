import { playerBalance } from "@/lib/account/ledger";
import { currentPlayer } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/wallet/money";

const noStore = { "cache-control": "no-store" };

/** The signed-in player's balance, always fresh (never cached): polled by the play bar. */
export async function GET(): Promise<Response> {
  const player = await currentPlayer();
  if (!player) return Response.json({ error: "Sign in required" }, { status: 401, headers: noStore });
  const wallet = await playerBalance(player.id);
  if (!wallet) return Response.json({ error: "No wallet" }, { status: 404, headers: noStore });
  return Response.json(
    { balance: wallet.balance, currency: wallet.currency, formatted: formatMoney(wallet.balance, wallet.currency) },
    { headers: noStore },
  );
}

import { currentPlayer } from "@/lib/auth/guards";
import { playSessionFacts } from "@/lib/rg/play-session";
import { formatMoney } from "@/lib/wallet/money";

const noStore = { "cache-control": "no-store" };

/** The play bar's session facts (clock start, net result, reality-check interval) for one of the player's game sessions. */
export async function GET(req: Request): Promise<Response> {
  const player = await currentPlayer();
  if (!player) return Response.json({ error: "Sign in required" }, { status: 401, headers: noStore });
  const id = new URL(req.url).searchParams.get("id") ?? "";
  const facts = await playSessionFacts(player.id, id);
  if (!facts) return Response.json({ error: "No such game session" }, { status: 404, headers: noStore });
  const net = formatMoney(facts.net, facts.currency);
  return Response.json({ ...facts, netFormatted: net.startsWith("-") ? `−${net.slice(1)}` : `+${net}` }, { headers: noStore });
}

import { money } from "@/lib/wallet/money";
import { authorize, bet, type Moved, type Refused, win } from "@/lib/wallet/operations";
import { authorizationAnswer, moveAnswer, refusalAnswer, type WireAnswer } from "@/lib/webgames/callback-answer";
import type { MoneyRequest } from "@/lib/webgames/callback-request";
import { withCallback } from "./with-callback";

/**
 * The edge between the provider's words and the wallet's: "Authorization" authorizes a launch,
 * "Credit" takes a bet, "Debit" pays a win (docs/protocol.md). Requests become typed wallet inputs;
 * the wallet's results become the wire answers.
 */
const moveOrRefusal = (r: Moved | Refused): WireAnswer => (r.ok ? moveAnswer(r) : refusalAnswer(r.error));

const betOf = (req: MoneyRequest) => ({
  playerId: req.playerId,
  gameId: req.gameId,
  token: req.token,
  roundId: req.roundId,
  transactionId: req.transactionId,
  amount: money(req.amount),
  closesRound: req.isClose,
});

export const authorizationEndpoint = withCallback("Authorization", async (req, ctx) => {
  const r = await authorize(req, ctx);
  return r.ok ? authorizationAnswer(r) : refusalAnswer(r.error);
});

export const creditEndpoint = withCallback("Credit", async (req, ctx) => moveOrRefusal(await bet(betOf(req), ctx)));

export const debitEndpoint = withCallback("Debit", async (req, ctx) =>
  moveOrRefusal(await win({ ...betOf(req), betAmount: req.betAmount === null ? null : money(req.betAmount) }, ctx)),
);

import { describeCode } from "@/lib/webgames/codes";

/**
 * The one error type of the wallet and the partner API: a refusal with its protocol code
 * (docs/protocol.md, "Codes"), a readable message and, when known, the player's balance at the time
 * (decimal text in the currency's minor units; Credit/Debit refusals carry it). The edge
 * (lib/callbacks) is the one place that turns it into the wire answer.
 */
export class WalletError extends Error {
  constructor(
    readonly code: number,
    message: string = describeCode(code),
    readonly balance: string | null = null,
  ) {
    super(message);
    this.name = "WalletError";
  }
}

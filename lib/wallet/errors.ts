import { describeCode } from "@/lib/webgames/codes";

/** The one error type of the wallet: carries a protocol code (PROTOCOL.md) and a readable message. */
export class WalletError extends Error {
  constructor(
    readonly code: number,
    message: string = describeCode(code),
  ) {
    super(message);
    this.name = "WalletError";
  }
}

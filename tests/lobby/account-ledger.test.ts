import { describe, expect, it } from "vitest";
import { LEDGER_PAGE_SIZE, playerLedgerPage } from "@/lib/account/ledger";
import { adjustBalance } from "@/lib/wallet/adjust";
import { makePlayer } from "../wallet/harness";

describe("account ledger pages", () => {
  it("lists only the player's own entries, newest first, in keyset pages", async () => {
    const me = await makePlayer({ balance: "1.00" });
    const other = await makePlayer({ balance: "5.00" });
    for (let i = 1; i <= LEDGER_PAGE_SIZE + 4; i++)
      await adjustBalance({ playerId: me.id, amount: "1", reason: `deposit ${i}`, adminId: null });
    const first = await playerLedgerPage(me.id);
    expect(first.rows).toHaveLength(LEDGER_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ kind: "adjustment", reason: `deposit ${LEDGER_PAGE_SIZE + 4}` });
    expect(first.nextBefore).not.toBeNull();
    const second = await playerLedgerPage(me.id, BigInt(first.nextBefore!));
    expect(second.rows).toHaveLength(5); // 4 deposits + the opening balance
    expect(second.nextBefore).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => BigInt(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(second.rows.at(-1)?.balanceAfter).toBe("1");
    const otherRows = (await playerLedgerPage(other.id)).rows;
    expect(otherRows).toHaveLength(1);
  });
});

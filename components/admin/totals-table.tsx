import { Table, Td } from "@/components/ui/table";
import { Amount } from "@/components/ui/text";
import { displayAmount } from "@/lib/admin/format";
import type { CurrencyTotals } from "@/lib/admin/transactions";

/** One row per currency: sums of different currencies are never added together. */
export function TotalsTable({ totals }: { totals: CurrencyTotals[] }) {
  return (
    <Table head={["Currency", "Count", "Bets", "Wins", "Adjustments", "Net (Σ signed)", "GGR (bets − wins)"]} empty={totals.length === 0}>
      {totals.map((t) => (
        <tr key={t.currency}>
          <Td mono>{t.currency}</Td>
          <Td right>{t.count.toLocaleString("en-US")}</Td>
          <Td right mono>
            {displayAmount(t.bets, t.currency)}
          </Td>
          <Td right mono>
            {displayAmount(t.wins, t.currency)}
          </Td>
          <Td right>
            <Amount text={displayAmount(t.adjustments, t.currency)} />
          </Td>
          <Td right>
            <Amount text={displayAmount(t.net, t.currency)} />
          </Td>
          <Td right>
            <Amount text={displayAmount(t.ggr, t.currency)} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

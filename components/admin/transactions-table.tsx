import { Table, Td } from "@/components/ui/table";
import { A, Amount, Badge, Time } from "@/components/ui/text";
import { displayAmount } from "@/lib/admin/format";
import type { LedgerRow } from "@/lib/admin/transactions";

const KIND_TONE = { bet: "neutral", win: "ok", adjustment: "warn" } as const;

export function TransactionsTable({ rows, showPlayer = true }: { rows: LedgerRow[]; showPlayer?: boolean }) {
  return (
    <Table
      head={[
        "Time (UTC)",
        "Ext. session id",
        ...(showPlayer ? ["Player"] : []),
        "Kind",
        "Amount",
        "Balance after",
        "Game",
        "Round",
        "Transaction",
        "Note",
      ]}
      empty={rows.length === 0}
    >
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-surface-overlay/50">
          <Td>
            <Time iso={r.createdAt} />
          </Td>
          <Td mono>{r.id}</Td>
          {showPlayer ? (
            <Td>
              <A href={`/admin/players/${r.playerId}`}>{r.email}</A>
            </Td>
          ) : null}
          <Td>
            <Badge tone={KIND_TONE[r.kind]}>{r.kind}</Badge>
          </Td>
          <Td right>
            <Amount text={displayAmount(r.amount, r.currency)} />
          </Td>
          <Td right mono>
            {displayAmount(r.balanceAfter, r.currency)}
          </Td>
          <Td mono>{r.gameId ?? ""}</Td>
          <Td mono>{r.roundId ? <A href={`/admin/rounds/${r.playerId}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A> : ""}</Td>
          <Td mono>{r.transactionId ?? ""}</Td>
          <Td className="max-w-xs truncate text-xs text-zinc-400">
            {r.reason ? `${r.reason}${r.adminId ? ` (admin #${r.adminId})` : ""}` : ""}
          </Td>
        </tr>
      ))}
    </Table>
  );
}

import type { Metadata } from "next";
import { DecisionButtons } from "@/components/admin/decision-buttons";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { approvalThreshold, listAdjustmentRequests } from "@/lib/admin/adjustments";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";
import { formatMoney } from "@/lib/wallet/money";
import { approveAction, rejectAction } from "./actions";

export const metadata: Metadata = { title: "Adjustments to approve" };

export default async function AdjustmentsPage() {
  const staff = await staffForPage("/admin/adjustments", "adjustments.view");
  const [pending, decided] = await Promise.all([
    listAdjustmentRequests(staff, { status: "pending" }),
    listAdjustmentRequests(staff, { status: "decided", limit: 50 }),
  ]);
  const mayDecide = can(staff, "adjustments.approve");
  return (
    <>
      <PageTitle
        sub={`Four eyes: an adjustment above ${formatMoney(approvalThreshold("EUR"), "EUR")} (or the currency's own threshold) waits here until a second finance or admin member — not the requester, not the player — approves it. The ledger entry names both.`}
      >
        Adjustments to approve
      </PageTitle>
      <Section title={`Pending (${pending.length})`}>
        <Table head={["#", "Requested (UTC)", "Player", "Amount", "Reason", "Requested by", ""]} empty={pending.length === 0}>
          {pending.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <Td mono>{r.id}</Td>
              <Td>
                <Time iso={r.requestedAt} />
              </Td>
              <Td>
                <A href={`/admin/players/${r.playerId}`}>{r.playerEmail}</A>
              </Td>
              <Td right mono>
                {r.amount} {r.currency}
              </Td>
              <Td className="max-w-xs truncate">{r.reason}</Td>
              <Td>{r.requesterEmail}</Td>
              <Td>
                {mayDecide && r.requestedBy !== staff.id && r.playerId !== staff.id ? (
                  <DecisionButtons approve={approveAction.bind(null, r.id)} reject={rejectAction.bind(null, r.id)} requestId={r.id} />
                ) : (
                  <span className="text-xs text-zinc-500">{r.requestedBy === staff.id ? "yours: another member decides" : "—"}</span>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title="Recently decided">
        <Table
          head={["#", "Decided (UTC)", "Player", "Amount", "Requested by", "Decided by", "Outcome", "Ledger"]}
          empty={decided.length === 0}
        >
          {decided.map((r) => (
            <tr key={r.id}>
              <Td mono>{r.id}</Td>
              <Td>
                <Time iso={r.decidedAt} />
              </Td>
              <Td>
                <A href={`/admin/players/${r.playerId}`}>{r.playerEmail}</A>
              </Td>
              <Td right mono>
                {r.amount} {r.currency}
              </Td>
              <Td>{r.requesterEmail}</Td>
              <Td>{r.deciderEmail}</Td>
              <Td>
                <Badge tone={r.status === "approved" ? "ok" : "bad"}>{r.status}</Badge> {r.decisionNote}
              </Td>
              <Td mono>{r.ledgerEntryId ? <A href={`/admin/transactions?q=${r.ledgerEntryId}`}>{r.ledgerEntryId}</A> : "—"}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

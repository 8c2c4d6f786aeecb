import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Amount, Time } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";
import { listFlaggedRounds } from "@/lib/admin/win-review";
import { markReviewedAction } from "./actions";

export const metadata: Metadata = { title: "Wins to review" };

export default async function WinsToReviewPage() {
  const staff = await staffForPage("/admin/wins", "wins.view");
  const [open, reviewed] = await Promise.all([listFlaggedRounds(staff), listFlaggedRounds(staff, { reviewed: true, limit: 20 })]);
  const mayReview = can(staff, "wins.review");
  return (
    <>
      <PageTitle sub="Wins are always paid. A round whose wins pass the configured multiple of its bets, or its currency's ceiling, is listed here until someone has looked at it.">
        Wins to review
      </PageTitle>
      <Section title={`To review (${open.length})`}>
        <Table head={["Round", "Player", "Bets", "Wins", "Why", "Flagged", ""]} empty={open.length === 0}>
          {open.map((r) => (
            <tr key={r.pk} data-testid="flagged-round">
              <Td mono>
                <A href={`/admin/rounds/${r.playerId}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A>
              </Td>
              <Td>
                <A href={`/admin/players/${r.playerId}`}>{r.email}</A>
              </Td>
              <Td>
                <Amount text={`${r.betTotal} ${r.currency}`} />
              </Td>
              <Td>
                <Amount text={`${r.winTotal} ${r.currency}`} />
              </Td>
              <Td>{r.reason}</Td>
              <Td>
                <Time iso={r.flaggedAt} />
              </Td>
              <Td>{mayReview ? <ActionButton action={markReviewedAction.bind(null, r.pk)} label="Mark reviewed" /> : null}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title="Recently reviewed">
        <Table head={["Round", "Player", "Wins", "Why", "Reviewed by", "When"]} empty={reviewed.length === 0}>
          {reviewed.map((r) => (
            <tr key={r.pk}>
              <Td mono>
                <A href={`/admin/rounds/${r.playerId}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A>
              </Td>
              <Td>{r.email}</Td>
              <Td>
                <Amount text={`${r.winTotal} ${r.currency}`} />
              </Td>
              <Td>{r.reason}</Td>
              <Td>{r.reviewedBy ?? "—"}</Td>
              <Td>
                <Time iso={r.reviewedAt} />
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

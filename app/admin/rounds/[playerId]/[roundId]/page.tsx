import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Amount, Badge, Time } from "@/components/ui/text";
import { displayAmount } from "@/lib/admin/format";
import { staffForPage } from "@/lib/admin/guard";
import { loadRound } from "@/lib/admin/rounds";

export const metadata: Metadata = { title: "Round" };

export default async function RoundPage({ params }: { params: Promise<{ playerId: string; roundId: string }> }) {
  const { playerId: playerText, roundId: roundParam } = await params;
  const roundId = safeDecode(roundParam);
  const admin = await staffForPage(`/admin/rounds/${playerText}/${roundParam}`, "rounds.view");
  if (!/^\d{1,9}$/.test(playerText)) notFound();
  const round = await loadRound(admin, Number(playerText), roundId);
  if (!round) notFound();
  const cur = round.currency;
  const amt = (v: string | null) => (v === null ? "" : cur ? displayAmount(v, cur) : v);
  return (
    <>
      <PageTitle
        sub={
          <>
            Player <A href={`/admin/players/${round.playerId}`}>{round.email || `#${round.playerId}`}</A> · game {round.gameId || "?"}
          </>
        }
      >
        Round <span className="font-mono">{round.roundId}</span>{" "}
        <Badge tone={round.status === "open" ? "warn" : "neutral"}>
          {round.operations.length || round.openedAt ? round.status : "no round row"}
        </Badge>
      </PageTitle>
      <Section title="Summary">
        <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-5">
          <div>
            <dt className="text-zinc-400">Bet total</dt>
            <dd className="font-mono">{amt(round.betTotal)}</dd>
          </div>
          <div>
            <dt className="text-zinc-400">Win total</dt>
            <dd className="font-mono">{amt(round.winTotal)}</dd>
          </div>
          <div>
            <dt className="text-zinc-400">Opened</dt>
            <dd>
              <Time iso={round.openedAt || null} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-400">Closed</dt>
            <dd>
              <Time iso={round.closedAt} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-400">Game session</dt>
            <dd className="font-mono text-xs">{round.sessionId ?? "—"}</dd>
          </div>
        </dl>
      </Section>
      <Section title="Operations (ledger, in order)">
        <Table
          head={["Time (UTC)", "Ext. session id", "Kind", "Amount", "Balance after", "Transaction", "Bet amount", "Closes"]}
          empty={round.operations.length === 0}
        >
          {round.operations.map((o) => (
            <tr key={o.ledgerId}>
              <Td>
                <Time iso={o.createdAt} />
              </Td>
              <Td mono>{o.ledgerId}</Td>
              <Td>
                <Badge tone={o.kind === "win" ? "ok" : "neutral"}>{o.kind}</Badge>
              </Td>
              <Td right>
                <Amount text={amt(o.amount)} />
              </Td>
              <Td right mono>
                {amt(o.balanceAfter)}
              </Td>
              <Td mono>{o.transactionId}</Td>
              <Td right mono>
                {amt(o.betAmount)}
              </Td>
              <Td>{o.isClose ? "yes" : ""}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title="Callbacks for this round (all outcomes)">
        <Table
          head={["Time (UTC)", "Method", "Transaction", "Amount", "Code", "Message", "Latency ms", "Ledger entry", "IP"]}
          empty={round.callbacks.length === 0}
        >
          {round.callbacks.map((c) => (
            <tr key={c.id}>
              <Td>
                <Time iso={c.createdAt} />
              </Td>
              <Td>{c.method}</Td>
              <Td mono>{c.transactionId}</Td>
              <Td mono right>
                {c.amount}
              </Td>
              <Td>
                <Badge tone={c.code === 0 ? "ok" : "bad"}>
                  {c.code} · {c.codeText}
                </Badge>
              </Td>
              <Td className="text-xs">{c.message}</Td>
              <Td right mono>
                {c.latencyMs}
              </Td>
              <Td mono>{c.ledgerEntryId ?? ""}</Td>
              <Td mono>{c.ip ?? ""}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

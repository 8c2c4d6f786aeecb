import type { Metadata } from "next";
import { Forbidden } from "@/components/admin/forbidden";
import { GgrChart, type ChartPoint } from "@/components/admin/ggr-chart";
import { A, Amount, PageTitle, Section, Table, Td, Time } from "@/components/admin/ui";
import { loadDashboard } from "@/lib/admin/dashboard";
import { displayAmount, plotNumber } from "@/lib/admin/format";
import { adminForPage } from "@/lib/admin/page-access";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const admin = await adminForPage("/admin");
  if (!admin) return <Forbidden />;
  const d = await loadDashboard(admin);
  // One chart per currency: GGR in EUR and in BTC do not share an axis or a sum.
  const currencies = [...new Set(d.ggrByDay.map((p) => p.currency))];
  const series = currencies.map((cur) => ({
    currency: cur,
    points: d.ggrByDay.filter((p) => p.currency === cur).map<ChartPoint>((p) => ({ key: p.day.slice(5), value: plotNumber(p.ggr), label: displayAmount(p.ggr, cur) })),
  }));
  return (
    <>
      <PageTitle sub={`Last ${d.days} days, UTC. Every figure is per currency.`}>Dashboard</PageTitle>
      <div className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Active players (24 h)" value={d.activePlayers24h} />
        <Stat label="Active players (7 d)" value={d.activePlayers7d} />
        <Stat label="Stuck rounds (open > 1 h)" value={d.stuckCount} warn={d.stuckCount > 0} />
        <Stat label="Currencies played" value={currencies.length} />
      </div>
      <Section title="GGR per day">
        {series.length === 0 ? <p className="text-sm text-zinc-500">No bets or wins yet.</p> : null}
        <div className="grid gap-6 md:grid-cols-2">
          {series.map((s) => <GgrChart key={s.currency} title={s.currency} points={s.points} />)}
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm text-zinc-400">As a table</summary>
          <Table head={["Day", "Currency", "Bets", "Wins", "GGR"]} empty={d.ggrByDay.length === 0}>
            {d.ggrByDay.map((p) => (
              <tr key={`${p.day}/${p.currency}`}>
                <Td mono>{p.day}</Td>
                <Td mono>{p.currency}</Td>
                <Td right mono>{displayAmount(p.bets, p.currency)}</Td>
                <Td right mono>{displayAmount(p.wins, p.currency)}</Td>
                <Td right><Amount text={displayAmount(p.ggr, p.currency)} /></Td>
              </tr>
            ))}
          </Table>
        </details>
      </Section>
      <Section title="GGR per game (top 30 by GGR, rounds opened in the period)">
        <Table head={["Game", "Currency", "Rounds", "Bets", "Wins", "GGR"]} empty={d.ggrByGame.length === 0}>
          {d.ggrByGame.map((g) => (
            <tr key={`${g.gameId}/${g.currency}`}>
              <Td mono><A href={`/admin/transactions?game=${g.gameId}&currency=${g.currency}`}>{g.gameId}</A></Td>
              <Td mono>{g.currency}</Td>
              <Td right>{g.rounds.toLocaleString("en-US")}</Td>
              <Td right mono>{displayAmount(g.bets, g.currency)}</Td>
              <Td right mono>{displayAmount(g.wins, g.currency)}</Td>
              <Td right><Amount text={displayAmount(g.ggr, g.currency)} /></Td>
            </tr>
          ))}
        </Table>
      </Section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Stuck rounds (open for more than an hour, oldest first)">
          <Table head={["Player", "Round", "Game", "Bet", "Opened"]} empty={d.stuckRounds.length === 0}>
            {d.stuckRounds.map((r) => (
              <tr key={`${r.playerId}/${r.roundId}`}>
                <Td><A href={`/admin/players/${r.playerId}`}>{r.email}</A></Td>
                <Td mono><A href={`/admin/rounds/${r.playerId}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A></Td>
                <Td mono>{r.gameId}</Td>
                <Td right mono>{displayAmount(r.betTotal, r.currency)}</Td>
                <Td><Time iso={r.openedAt} /></Td>
              </tr>
            ))}
          </Table>
        </Section>
        <Section title="Biggest wins (top 5 per currency)">
          <Table head={["Player", "Amount", "Game", "Round", "Time"]} empty={d.biggestWins.length === 0}>
            {d.biggestWins.map((w) => (
              <tr key={w.ledgerId}>
                <Td><A href={`/admin/players/${w.playerId}`}>{w.email}</A></Td>
                <Td right><Amount text={displayAmount(w.amount, w.currency)} /></Td>
                <Td mono>{w.gameId}</Td>
                <Td mono>{w.roundId ? <A href={`/admin/rounds/${w.playerId}/${encodeURIComponent(w.roundId)}`}>{w.roundId}</A> : ""}</Td>
                <Td><Time iso={w.createdAt} /></Td>
              </tr>
            ))}
          </Table>
        </Section>
      </div>
    </>
  );
}

function Stat({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div className="rounded-xl border border-surface-border bg-surface-raised p-4">
      <p className="text-xs text-zinc-400">{label}</p>
      <p className={`mt-1 font-mono text-2xl ${warn ? "text-amber-400" : "text-white"}`}>{value.toLocaleString("en-US")}</p>
    </div>
  );
}

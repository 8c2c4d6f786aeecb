import type { Metadata } from "next";
import { Suspense } from "react";
import { type ChartPoint, GgrChart } from "@/components/admin/ggr-chart";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Amount, Time } from "@/components/ui/text";
import { activePlayers, biggestWins, ggrByDay, ggrByGame, stuckRounds } from "@/lib/admin/dashboard";
import { displayAmount, plotNumber } from "@/lib/admin/format";
import { staffForPage } from "@/lib/admin/guard";
import type { SessionPlayer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Dashboard" };

const DAYS = 14;

// Each part streams in on its own: one slow aggregate must not hold up the whole screen.
export default async function DashboardPage() {
  const admin = await staffForPage("/admin", "dashboard.view");
  return (
    <>
      <PageTitle sub={`Last ${DAYS} days, UTC. Every figure is per currency.`}>Dashboard</PageTitle>
      <Suspense fallback={<Loading />}>
        <Stats admin={admin} />
      </Suspense>
      <Section title="GGR per day (bets − wins, UTC day of each bet and win)">
        <Suspense fallback={<Loading />}>
          <GgrPerDay admin={admin} />
        </Suspense>
      </Section>
      <Section title="GGR per game (top 30 in the period)">
        <Suspense fallback={<Loading />}>
          <GgrPerGame admin={admin} />
        </Suspense>
      </Section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Stuck rounds (open for more than an hour, oldest first)">
          <Suspense fallback={<Loading />}>
            <Stuck admin={admin} />
          </Suspense>
        </Section>
        <Section title="Biggest wins (top 5 per currency)">
          <Suspense fallback={<Loading />}>
            <Wins admin={admin} />
          </Suspense>
        </Section>
      </div>
    </>
  );
}

function Loading() {
  return <p className="mb-6 text-sm text-zinc-400">Loading…</p>;
}

async function Stats({ admin }: { admin: SessionPlayer }) {
  const [active, stuck] = await Promise.all([activePlayers(admin), stuckRounds(admin)]);
  return (
    <div className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-3">
      <Stat label="Active players today (UTC)" value={active.d1} />
      <Stat label="Active players, last 7 UTC days" value={active.d7} />
      <Stat label="Stuck rounds (open > 1 h)" value={stuck.count} warn={stuck.count > 0} />
    </div>
  );
}

async function GgrPerDay({ admin }: { admin: SessionPlayer }) {
  const points = await ggrByDay(admin, DAYS);
  // One chart per currency: GGR in EUR and in BTC share neither an axis nor a sum.
  const currencies = [...new Set(points.map((p) => p.currency))];
  return (
    <>
      {currencies.length === 0 ? <p className="text-sm text-zinc-400">No rounds in the period.</p> : null}
      <div className="grid gap-6 md:grid-cols-2">
        {currencies.map((cur) => (
          <GgrChart
            key={cur}
            title={cur}
            points={points
              .filter((p) => p.currency === cur)
              .map<ChartPoint>((p) => ({ key: p.day.slice(5), value: plotNumber(p.ggr), label: displayAmount(p.ggr, cur) }))}
          />
        ))}
      </div>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm text-zinc-400">As a table</summary>
        <Table head={["Day", "Currency", "Bets", "Wins", "GGR"]} empty={points.length === 0}>
          {points.map((p) => (
            <tr key={`${p.day}/${p.currency}`}>
              <Td mono>{p.day}</Td>
              <Td mono>{p.currency}</Td>
              <Td right mono>
                {displayAmount(p.bets, p.currency)}
              </Td>
              <Td right mono>
                {displayAmount(p.wins, p.currency)}
              </Td>
              <Td right>
                <Amount text={displayAmount(p.ggr, p.currency)} />
              </Td>
            </tr>
          ))}
        </Table>
      </details>
    </>
  );
}

async function GgrPerGame({ admin }: { admin: SessionPlayer }) {
  const games = await ggrByGame(admin, DAYS);
  return (
    <Table head={["Game", "Currency", "Rounds", "Bets", "Wins", "GGR"]} empty={games.length === 0}>
      {games.map((g) => (
        <tr key={`${g.gameId}/${g.currency}`}>
          <Td mono>
            <A href={`/admin/transactions?game=${g.gameId}&currency=${g.currency}`}>{g.gameId}</A>
          </Td>
          <Td mono>{g.currency}</Td>
          <Td right>{g.rounds.toLocaleString("en-US")}</Td>
          <Td right mono>
            {displayAmount(g.bets, g.currency)}
          </Td>
          <Td right mono>
            {displayAmount(g.wins, g.currency)}
          </Td>
          <Td right>
            <Amount text={displayAmount(g.ggr, g.currency)} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

async function Stuck({ admin }: { admin: SessionPlayer }) {
  const { count, oldest } = await stuckRounds(admin);
  return (
    <>
      <p className="mb-2 text-xs text-zinc-400">{count.toLocaleString("en-US")} in total; the oldest 20:</p>
      <Table head={["Player", "Round", "Game", "Bet", "Opened"]} empty={oldest.length === 0}>
        {oldest.map((r) => (
          <tr key={`${r.playerId}/${r.roundId}`}>
            <Td>
              <A href={`/admin/players/${r.playerId}`}>{r.email}</A>
            </Td>
            <Td mono>
              <A href={`/admin/rounds/${r.playerId}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A>
            </Td>
            <Td mono>{r.gameId}</Td>
            <Td right mono>
              {displayAmount(r.betTotal, r.currency)}
            </Td>
            <Td>
              <Time iso={r.openedAt} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}

async function Wins({ admin }: { admin: SessionPlayer }) {
  const wins = await biggestWins(admin, DAYS);
  return (
    <Table head={["Player", "Amount", "Game", "Round", "Time"]} empty={wins.length === 0}>
      {wins.map((w) => (
        <tr key={w.ledgerId}>
          <Td>
            <A href={`/admin/players/${w.playerId}`}>{w.email}</A>
          </Td>
          <Td right>
            <Amount text={displayAmount(w.amount, w.currency)} />
          </Td>
          <Td mono>{w.gameId}</Td>
          <Td mono>{w.roundId ? <A href={`/admin/rounds/${w.playerId}/${encodeURIComponent(w.roundId)}`}>{w.roundId}</A> : ""}</Td>
          <Td>
            <Time iso={w.createdAt} />
          </Td>
        </tr>
      ))}
    </Table>
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

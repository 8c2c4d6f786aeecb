import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { denseInputClass, FilterField } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { findRounds } from "@/lib/admin/rounds";
import { param, type SearchParams } from "@/lib/admin/search-params";

export const metadata: Metadata = { title: "Rounds" };

export default async function RoundsSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await staffForPage("/admin/rounds", "rounds.view");
  const sp = await searchParams;
  const round = param(sp, "round")?.slice(0, 200);
  const playerText = param(sp, "player");
  const playerId = playerText && /^\d{1,9}$/.test(playerText) ? Number(playerText) : undefined;
  const hits = round ? await findRounds(admin, round, playerId) : [];
  // One exact match: go straight to it.
  if (round && playerId !== undefined && hits.length === 1 && hits[0]) redirect(`/admin/rounds/${playerId}/${encodeURIComponent(round)}`);
  return (
    <>
      <PageTitle sub="A round is (player id, round id): the provider's round ids repeat across players.">Rounds</PageTitle>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <FilterField label="Round id">
          <input name="round" defaultValue={round} required className={denseInputClass} />
        </FilterField>
        <FilterField label="Player id (optional)">
          <input name="player" defaultValue={playerText} inputMode="numeric" className={denseInputClass} />
        </FilterField>
        <button type="submit" className={buttonClass("primary", "dense")}>
          Find
        </button>
      </form>
      {round ? (
        <Section title={`Rounds with id ${round}`}>
          <Table head={["Player", "Round", "Game", "Currency", "Status", "Opened"]} empty={hits.length === 0}>
            {hits.map((h) => (
              <tr key={`${h.playerId}/${h.roundId}`}>
                <Td>
                  <A href={`/admin/players/${h.playerId}`}>{h.email}</A>
                </Td>
                <Td mono>
                  <A href={`/admin/rounds/${h.playerId}/${encodeURIComponent(h.roundId)}`}>{h.roundId}</A>
                </Td>
                <Td mono>{h.gameId}</Td>
                <Td mono>{h.currency}</Td>
                <Td>
                  <Badge tone={h.status === "open" ? "warn" : "neutral"}>{h.status}</Badge>
                </Td>
                <Td>
                  <Time iso={h.openedAt} />
                </Td>
              </tr>
            ))}
          </Table>
          {playerId !== undefined && hits.length === 0 ? (
            <p className="mt-3 text-sm text-zinc-400">
              No round row; <A href={`/admin/rounds/${playerId}/${encodeURIComponent(round)}`}>see its callbacks anyway</A> (e.g. a Debit
              answered 8).
            </p>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

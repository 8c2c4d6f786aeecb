import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { denseInputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { displayAmount } from "@/lib/admin/format";
import { staffForPage } from "@/lib/admin/guard";
import { searchPlayers } from "@/lib/admin/players";
import { param, type SearchParams } from "@/lib/admin/search-params";

export const metadata: Metadata = { title: "Players" };

export default async function PlayersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await staffForPage("/admin/players", "players.view");
  const q = param(await searchParams, "q")?.slice(0, 200);
  const players = await searchPlayers(admin, q);
  return (
    <>
      <PageTitle>Players</PageTitle>
      <form method="get" className="mb-6 flex gap-2">
        <input
          name="q"
          defaultValue={q}
          placeholder="Email, nick or id"
          aria-label="Search players"
          className={cn(denseInputClass, "w-80")}
        />
        <button type="submit" className={buttonClass("primary", "dense")}>
          Search
        </button>
      </form>
      <Section title={q ? `Matching “${q}” (first 50)` : "Newest players (first 50)"}>
        <Table head={["Id", "Email", "Nick", "Role", "Status", "Balance", "Joined"]} empty={players.length === 0}>
          {players.map((p) => (
            <tr key={p.id}>
              <Td mono>{p.id}</Td>
              <Td>
                <A href={`/admin/players/${p.id}`}>{p.email}</A>
              </Td>
              <Td>{p.nick}</Td>
              <Td>{p.role}</Td>
              <Td>
                <Badge tone={p.blocked ? "bad" : "ok"}>{p.blocked ? "blocked" : "active"}</Badge>
              </Td>
              <Td right mono>
                {displayAmount(p.balance, p.currency)}
              </Td>
              <Td>
                <Time iso={p.createdAt} />
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

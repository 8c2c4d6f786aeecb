import type { Metadata } from "next";
import Link from "next/link";
import { FilterErrors } from "@/components/admin/filter-errors";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { denseInputClass, FilterField } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { A, Amount } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";
import { activityReport, GGR_DIMENSIONS, ggrReport, parseReportQuery } from "@/lib/admin/reports";
import { queryString, type SearchParams } from "@/lib/admin/search-params";

export const metadata: Metadata = { title: "Reports" };

const DIMENSION_LABEL = { day: "Day (UTC)", game: "Game", studio: "Studio", currency: "Currency" } as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await staffForPage("/admin/reports", "reports.view");
  const { query, errors } = parseReportQuery(await searchParams);
  const [rows, activity] = await Promise.all([ggrReport(staff, query), activityReport(staff, query)]);
  const qs = queryString({ ...query });
  return (
    <>
      <PageTitle sub="Gross gaming revenue = bets − wins, per currency (amounts of different currencies never add up). Days are UTC days of the ledger entry.">
        Reports
      </PageTitle>
      <FilterErrors errors={errors} />
      <form method="get" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5">
        <FilterField label="From (UTC day)">
          <input name="from" type="date" defaultValue={query.from} className={denseInputClass} />
        </FilterField>
        <FilterField label="To (UTC day)">
          <input name="to" type="date" defaultValue={query.to} className={denseInputClass} />
        </FilterField>
        <FilterField label="GGR by">
          <select name="by" defaultValue={query.by} className={denseInputClass}>
            {GGR_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABEL[d]}
              </option>
            ))}
          </select>
        </FilterField>
        <div className="col-span-2 flex items-end gap-2">
          <button type="submit" className={buttonClass()}>
            Show
          </button>
          <Link href="/admin/reports" className={buttonClass("secondary")}>
            Reset
          </Link>
        </div>
      </form>
      <Section
        title={`GGR by ${query.by}, ${query.from} – ${query.to}`}
        actions={can(staff, "reports.export") ? <A href={`/admin/reports/export${qs}`}>Export CSV</A> : null}
      >
        <Table head={[DIMENSION_LABEL[query.by], "Currency", "Rounds", "Bets", "Wins", "GGR"]} empty={rows.length === 0}>
          {rows.map((r) => (
            <tr key={`${r.key}/${r.currency}`}>
              <Td>{query.by === "game" ? <A href={`/admin/transactions?game=${r.key}&currency=${r.currency}`}>{r.label}</A> : r.label}</Td>
              <Td>{r.currency}</Td>
              <Td right>{r.rounds}</Td>
              <Td right mono>
                {r.bets}
              </Td>
              <Td right mono>
                {r.wins}
              </Td>
              <Td right>
                <Amount text={`${r.ggr} ${r.currency}`} />
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title="Rounds and active players per day">
        <Table head={["Day (UTC)", "Rounds opened", "Active players (placed a bet)"]} empty={activity.length === 0}>
          {activity.map((d) => (
            <tr key={d.day}>
              <Td mono>{d.day}</Td>
              <Td right>{d.rounds}</Td>
              <Td right>{d.activePlayers}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

import type { Metadata } from "next";
import { FilterErrors } from "@/components/admin/filter-errors";
import { DayRangeFilters, FilterForm, SelectFilter, TextFilter } from "@/components/admin/filter-form";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { AUDIT_ACTIONS, listAudit, parseAuditFilters, verifyAudit } from "@/lib/admin/audit";
import { staffForPage } from "@/lib/admin/guard";
import { can } from "@/lib/admin/permissions";
import { param, queryString, type SearchParams } from "@/lib/admin/search-params";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await staffForPage("/admin/audit", "audit.view");
  const sp = await searchParams;
  const { filters, errors } = parseAuditFilters(sp);
  const cursor = param(sp, "cursor");
  const wantVerify = param(sp, "verify") === "1" && can(staff, "audit.verify");
  const [page, verification] = await Promise.all([listAudit(staff, filters, cursor), wantVerify ? verifyAudit(staff) : null]);
  const qs = queryString(filters);
  return (
    <>
      <PageTitle sub="Every staff action, append-only; each row carries the SHA-256 of the one before it, so an altered or deleted row is detected.">
        Audit trail
      </PageTitle>
      <FilterErrors errors={errors} />
      <Section
        title="Integrity"
        actions={
          can(staff, "audit.verify") ? (
            <form method="get">
              <input type="hidden" name="verify" value="1" />
              <button type="submit" className={buttonClass("primary", "dense")}>
                Verify
              </button>
            </form>
          ) : null
        }
      >
        {verification ? (
          verification.ok ? (
            <p role="status" className="text-sm text-money-win">
              Chain intact: {verification.checked} row(s) verified.
              {verification.head ? (
                <>
                  {" "}
                  Head: row #{verification.head.id}, <span className="font-mono text-xs break-all">{verification.head.hash}</span> (keep a
                  copy elsewhere: a later head that does not descend from it means rows were removed from the end).
                </>
              ) : null}
            </p>
          ) : (
            <p role="alert" className="text-sm text-money-loss">
              Chain broken at row #{verification.brokenAt?.id}: {verification.brokenAt?.reason}. {verification.checked} row(s) checked.
            </p>
          )
        ) : (
          <p className="text-sm text-zinc-400">“Verify” recomputes every row’s hash and reports the first broken link.</p>
        )}
      </Section>
      <FilterForm resetHref="/admin/audit" className="lg:grid-cols-6">
        <TextFilter label="Staff (id or email)" name="actor" value={filters.actor} />
        <SelectFilter label="Action" name="action" value={filters.action} options={AUDIT_ACTIONS} />
        <TextFilter label="Player (id or email)" name="player" value={filters.player} />
        <DayRangeFilters from={filters.from} to={filters.to} />
      </FilterForm>
      <Section
        title="Newest first"
        actions={
          <div className="flex gap-3 text-sm">
            {can(staff, "audit.export") ? <A href={`/admin/audit/export${qs}`}>Export CSV</A> : null}
            {cursor ? <A href={`/admin/audit${qs}`}>First page</A> : null}
            {page.nextCursor ? <A href={`/admin/audit${queryString({ ...filters, cursor: page.nextCursor })}`}>Older →</A> : null}
          </div>
        }
      >
        <Table head={["#", "Time (UTC)", "Staff", "Role", "Action", "Player", "Details", "IP", "Hash"]} empty={page.rows.length === 0}>
          {page.rows.map((a) => (
            <tr key={a.id} data-audit-id={a.id}>
              <Td mono>{a.id}</Td>
              <Td>
                <Time iso={a.createdAt} />
              </Td>
              <Td>{a.adminEmail ?? `#${a.adminId}`}</Td>
              <Td>{a.actorRole ? <Badge tone="neutral">{a.actorRole}</Badge> : null}</Td>
              <Td>{a.action}</Td>
              <Td>{a.playerId !== null ? <A href={`/admin/players/${a.playerId}`}>{a.playerEmail ?? `#${a.playerId}`}</A> : null}</Td>
              <Td mono className="max-w-md truncate">
                {JSON.stringify(a.details)}
              </Td>
              <Td mono>{a.ip}</Td>
              <Td mono>
                <span title={a.hash}>{a.hash.slice(0, 12)}…</span>
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

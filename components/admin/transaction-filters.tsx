import { buttonClass } from "@/components/ui/button";
import type { TransactionFilters } from "@/lib/admin/transactions";
import { DayRangeFilters, FilterForm, SelectFilter, TextFilter } from "./filter-form";

export function TransactionFiltersForm({ filters, exportHref }: { filters: TransactionFilters; exportHref: string }) {
  return (
    <FilterForm
      resetHref="/admin/transactions"
      className="lg:grid-cols-6"
      buttons={
        <a href={exportHref} className={buttonClass("secondary", "dense")} download>
          Export CSV
        </a>
      }
    >
      <TextFilter label="Search (tx, round, ext. session id)" name="q" value={filters.q} placeholder="e.g. 1234" />
      <TextFilter label="Player (id or email)" name="player" value={filters.player} />
      <TextFilter label="Game id" name="game" value={filters.game} inputMode="numeric" />
      <TextFilter label="Round id" name="round" value={filters.round} />
      <SelectFilter label="Kind" name="kind" value={filters.kind} options={["bet", "win", "adjustment"]} />
      <TextFilter label="Currency" name="currency" value={filters.currency} placeholder="EUR" />
      <DayRangeFilters from={filters.from} to={filters.to} toLabel="To (UTC day, inclusive)" />
      <TextFilter label="|Amount| ≥" name="min" value={filters.min} inputMode="decimal" />
      <TextFilter label="|Amount| ≤" name="max" value={filters.max} inputMode="decimal" />
    </FilterForm>
  );
}

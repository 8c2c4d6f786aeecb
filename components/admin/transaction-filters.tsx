import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { denseInputClass, FilterField } from "@/components/ui/field";
import type { TransactionFilters } from "@/lib/admin/transactions";

/** A plain GET form: the filters live in the URL, so every view is bookmarkable and shareable. */
export function TransactionFiltersForm({ filters, exportHref }: { filters: TransactionFilters; exportHref: string }) {
  return (
    <form method="get" action="/admin/transactions" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
      <FilterField label="Search (tx, round, ext. session id)">
        <input name="q" defaultValue={filters.q} className={denseInputClass} placeholder="e.g. 1234" />
      </FilterField>
      <FilterField label="Player (id or email)">
        <input name="player" defaultValue={filters.player} className={denseInputClass} />
      </FilterField>
      <FilterField label="Game id">
        <input name="game" defaultValue={filters.game} inputMode="numeric" className={denseInputClass} />
      </FilterField>
      <FilterField label="Round id">
        <input name="round" defaultValue={filters.round} className={denseInputClass} />
      </FilterField>
      <FilterField label="Kind">
        <select name="kind" defaultValue={filters.kind ?? ""} className={denseInputClass}>
          <option value="">any</option>
          <option value="bet">bet</option>
          <option value="win">win</option>
          <option value="adjustment">adjustment</option>
        </select>
      </FilterField>
      <FilterField label="Currency">
        <input name="currency" defaultValue={filters.currency} className={denseInputClass} placeholder="EUR" />
      </FilterField>
      <FilterField label="From (UTC day)">
        <input name="from" type="date" defaultValue={filters.from?.slice(0, 10)} className={denseInputClass} />
      </FilterField>
      <FilterField label="To (UTC day, inclusive)">
        <input name="to" type="date" defaultValue={filters.to?.slice(0, 10)} className={denseInputClass} />
      </FilterField>
      <FilterField label="|Amount| ≥">
        <input name="min" defaultValue={filters.min} inputMode="decimal" className={denseInputClass} />
      </FilterField>
      <FilterField label="|Amount| ≤">
        <input name="max" defaultValue={filters.max} inputMode="decimal" className={denseInputClass} />
      </FilterField>
      <div className="col-span-2 flex items-end gap-2">
        <button type="submit" className={buttonClass("primary", "dense")}>
          Apply
        </button>
        <Link href="/admin/transactions" className={buttonClass("secondary", "dense")}>
          Reset
        </Link>
        <a href={exportHref} className={buttonClass("secondary", "dense")} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}

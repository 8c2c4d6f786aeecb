import type { ReactNode } from "react";
import { cn } from "./cn";

/** A data table; `head` holds the column titles (unique within a table, so they key the cells). */
export function Table({ head, children, empty }: { head: string[]; children: ReactNode; empty?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-surface-border text-left text-xs uppercase tracking-wide text-zinc-400">
            {head.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={head.length} className="px-2 py-6 text-center text-zinc-400">
                Nothing matches.
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Td({ children, mono, right, className }: { children?: ReactNode; mono?: boolean; right?: boolean; className?: string }) {
  return (
    <td
      className={cn(
        "whitespace-nowrap border-b border-surface-border/60 px-2 py-1.5",
        mono && "font-mono text-xs",
        right && "text-right tabular-nums",
        className,
      )}
    >
      {children}
    </td>
  );
}

import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A data table; `head` holds the column titles (unique within a table, so they key the cells). The
 * base style of every cell (padding, bottom border, no wrapping) is `.data-table td` in
 * app/globals.css: one class on the table instead of the same ~60 characters on every cell, written
 * twice per cell (the HTML and the RSC payload). A 120-row report was ~300 kB, half of it that string.
 */
export function Table({ head, children, empty }: { head: string[]; children: ReactNode; empty?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table w-full border-collapse text-sm">
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
              <td colSpan={head.length} className="whitespace-normal border-b-0 px-2 py-6 text-center text-zinc-400">
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

const MONO = "font-mono text-xs";
const RIGHT = "text-right tabular-nums";
const MONO_RIGHT = `${MONO} ${RIGHT}`;

export function Td({ children, mono, right, className }: { children?: ReactNode; mono?: boolean; right?: boolean; className?: string }) {
  // Its own classes only; tailwind-merge only when a caller adds some (the common cells are constants).
  const classes = className ? cn(mono && MONO, right && RIGHT, className) : mono ? (right ? MONO_RIGHT : MONO) : right ? RIGHT : undefined;
  return <td className={classes}>{children}</td>;
}

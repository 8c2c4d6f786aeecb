"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One point: `value` is for geometry only; `label` is the exact server-formatted amount. */
export interface ChartPoint {
  key: string;
  value: number;
  label: string;
}

// Palette from tailwind.config.ts (brand / money colours); charts cannot read Tailwind classes.
const COLORS = { brand: "#7c5cff", win: "#22c55e", loss: "#f43f5e", grid: "#2a2f3d", text: "#a1a1aa", surface: "#171a23" };

export function GgrChart({ points, title }: { points: ChartPoint[]; title: string }) {
  return (
    <figure className="h-56 w-full">
      <figcaption className="mb-1 text-xs text-zinc-400">{title}</figcaption>
      <ResponsiveContainer width="100%" height="90%">
        <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="key" tick={{ fill: COLORS.text, fontSize: 11 }} tickLine={false} />
          <YAxis tick={{ fill: COLORS.text, fontSize: 11 }} tickLine={false} axisLine={false} width={60} />
          <Tooltip
            cursor={{ fill: "rgba(124,92,255,0.1)" }}
            contentStyle={{ background: COLORS.surface, border: `1px solid ${COLORS.grid}`, borderRadius: 8 }}
            // The tooltip shows the exact decimal text, never the plotted number.
            formatter={(_value, _name, item) => [(item.payload as ChartPoint).label, "GGR"]}
          />
          <Bar dataKey="value" fill={COLORS.brand} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Filters the back office could not read (they were ignored, the page shows everything else). */
export function FilterErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p role="alert" className="mb-4 rounded-lg border border-money-loss/40 bg-money-loss/10 px-3 py-2 text-sm text-money-loss">
      Ignored invalid filter(s): {errors.join("; ")}
    </p>
  );
}

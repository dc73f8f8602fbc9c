import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Budget against delivered per line, as grouped bars. Loaded lazily (recharts is large); the same
 * figures are in the table under it, so the chart is a picture with a short text alternative.
 */
export default function BudgetChart({
  label,
  data,
  series,
  formatAmount,
  formatTick,
}: {
  label: string;
  data: { name: string; budget: number; actual: number }[];
  series: { budget: string; actual: string };
  formatAmount: (kroner: number) => string;
  /** Whole kroner without the unit, for the axis ("180 000"). */
  formatTick: (kroner: number) => string;
}) {
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="actuals-chart">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tick={{ fontSize: 12 }} width={96} tickFormatter={formatTick} />
          <Tooltip formatter={(v) => formatAmount(Number(v))} />
          <Legend />
          {/* Two colours from the design system, and patterns are not needed: the legend names them. */}
          <Bar
            isAnimationActive={false}
            dataKey="budget"
            name={series.budget}
            fill="var(--ds-color-neutral-border-default, #7a8490)"
          />
          <Bar
            isAnimationActive={false}
            dataKey="actual"
            name={series.actual}
            fill="var(--ds-color-accent-base-default, #0062ba)"
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * Evaluation charts, loaded lazily (recharts is large and stays out of the vendor chunk). The same
 * figures are in a table under each chart, so a chart is a picture with a short text alternative.
 */

// Five clearly different steps, red (1) through grey (3) to dark blue (5); the legend names each.
const STEP_COLOURS = ['#c22e2e', '#e08a00', '#9aa3ad', '#7cb4e8', '#0a4f94'];
const SERIES_COLOURS = ['#0062ba', '#b35c00', '#1e7d4a', '#6b3fa0'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** Each question's answers 1–5 as one stacked bar (counts). */
export function DistributionChart({
  label,
  data,
  steps,
}: {
  label: string;
  /** One row per question: its short name and the counts of 1 … 5. */
  data: { name: string; counts: number[] }[];
  /** The legend's names of the five steps ("1" … "5"). */
  steps: string[];
}) {
  const rows = data.map((d) => ({
    name: d.name,
    ...Object.fromEntries(d.counts.map((c, i) => [`s${i + 1}`, c])),
  }));
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="evaluation-distribution-chart">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {steps.map((step, i) => (
            <Bar
              key={step}
              isAnimationActive={false}
              dataKey={`s${i + 1}`}
              name={step}
              stackId="a"
              fill={STEP_COLOURS[i]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The average of each question per gathering, one line per question (dashed differently). */
export function TrendChart({
  label,
  data,
  series,
}: {
  label: string;
  /** One point per gathering: its name and the averages by question key. */
  data: ({ name: string } & Record<string, number | string>)[];
  series: { key: string; name: string }[];
}) {
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="evaluation-trend-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} width={32} />
          <Tooltip />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.key}
              isAnimationActive={false}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
              strokeDasharray={DASHES[i % DASHES.length]}
              strokeWidth={2}
              dot={{ r: 4 }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

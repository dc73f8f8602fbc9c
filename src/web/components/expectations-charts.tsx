import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Charts of the expectations and the overall evaluation, loaded lazily (recharts is large). The
 * figures are in a table under each chart, so a chart is a picture with a short text alternative.
 */

/** The themes' points from the leaders' rankings, one horizontal bar each, most important first. */
export function ThemePointsChart({
  label,
  data,
}: {
  label: string;
  data: { name: string; points: number }[];
}) {
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="expectations-points-chart">
      <ResponsiveContainer width="100%" height={Math.max(160, 44 * data.length + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="points" fill="#0062ba" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

// Met (dark green), partly (amber), not met (red): different in lightness too, and named in the legend.
const MET_COLOURS = ['#1e7d4a', '#c58b00', '#b3261e'];

/** Met / partly / not met as stacked horizontal bars: the programme as a whole and each theme shown. */
export function MetChart({
  label,
  data,
  names,
}: {
  label: string;
  data: { name: string; met: number; partly: number; notMet: number }[];
  /** The legend's names of met, partly and not met. */
  names: [string, string, string];
}) {
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="overall-met-chart">
      <ResponsiveContainer width="100%" height={Math.max(160, 44 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {(['met', 'partly', 'notMet'] as const).map((k, i) => (
            <Bar
              key={k}
              dataKey={k}
              name={names[i]}
              stackId="a"
              fill={MET_COLOURS[i]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

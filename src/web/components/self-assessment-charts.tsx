import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The profile charts, loaded lazily (recharts is large). Every number is also in the table beside
 * the chart, so a chart is a picture with a short text alternative (its aria-label).
 */

const COLOURS = ['#0062ba', '#b35c00', '#1e7d4a', '#6b3fa0'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

export interface ProfileSeries {
  name: string;
  /** One value per dimension (in `dimensions` order); null: not available. */
  values: (number | null)[];
}

function rowsOf(dimensions: string[], series: ProfileSeries[]) {
  return dimensions.map((d, i) => ({
    dimension: d,
    ...Object.fromEntries(series.map((s, k) => [`s${k}`, s.values[i] ?? 0])),
  }));
}

/** The profile as a radar: one axis per dimension, 1–5, one shape per series. */
export function ProfileRadar({
  label,
  dimensions,
  series,
}: {
  label: string;
  dimensions: string[];
  series: ProfileSeries[];
}) {
  return (
    <figure className="app-sa-chart" role="img" aria-label={label} data-testid="self-assessment-radar">
      <ResponsiveContainer width="100%" height={300}>
        <RadarChart data={rowsOf(dimensions, series)} outerRadius="70%">
          <PolarGrid />
          <PolarAngleAxis dataKey="dimension" tick={{ fontSize: 13, fill: '#1e2b3c' }} />
          <PolarRadiusAxis
            domain={[1, 5]}
            tickCount={5}
            angle={90}
            tick={{ fontSize: 11, fill: '#1e2b3c' }}
          />
          {series.map((s, k) => (
            <Radar
              key={s.name}
              name={s.name}
              dataKey={`s${k}`}
              stroke={COLOURS[k % COLOURS.length]}
              strokeDasharray={DASHES[k % DASHES.length]}
              strokeWidth={2}
              fill={COLOURS[k % COLOURS.length]}
              fillOpacity={0.12}
              isAnimationActive={false}
            />
          ))}
          <Legend />
          <Tooltip />
        </RadarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The same profile as grouped bars (an alternative to the radar for those who read bars better). */
export function ProfileBars({
  label,
  dimensions,
  series,
}: {
  label: string;
  dimensions: string[];
  series: ProfileSeries[];
}) {
  return (
    <figure className="app-sa-chart" role="img" aria-label={label} data-testid="self-assessment-bars">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rowsOf(dimensions, series)} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="dimension" tick={{ fontSize: 12, fill: '#1e2b3c' }} />
          <YAxis domain={[0, 5]} tickCount={6} tick={{ fontSize: 12, fill: '#1e2b3c' }} />
          <Tooltip />
          <Legend />
          {series.map((s, k) => (
            <Bar
              key={s.name}
              name={s.name}
              dataKey={`s${k}`}
              fill={COLOURS[k % COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

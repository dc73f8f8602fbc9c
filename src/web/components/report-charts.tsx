import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The client report's charts, loaded lazily (recharts stays out of the vendor chunk). Each has a
 * table with the same figures under it, so a chart is a picture with a short text alternative.
 */

const ACCENT = '#0062ba';
const SERIES_COLOURS = ['#0062ba', '#b35c00', '#1e7d4a', '#6b3fa0'];

/** Attendance per gathering in per cent; gatherings not held yet have no bar. */
export function AttendanceChart({
  label,
  data,
  valueName,
}: {
  label: string;
  data: { name: string; percent: number | null; text: string }[];
  valueName: string;
}) {
  return (
    <figure
      className="app-chart app-report__chart"
      role="img"
      aria-label={label}
      data-testid="report-attendance-chart"
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            unit=" %"
            tick={{ fontSize: 12 }}
            width={48}
          />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="percent" name={valueName} fill={ACCENT}>
            <LabelList dataKey="text" position="top" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The averages per question per released evaluation, grouped by gathering (scale 1–5). */
export function RatingTrendChart({
  label,
  data,
  series,
}: {
  label: string;
  data: ({ name: string } & Record<string, number | string>)[];
  series: { key: string; name: string }[];
}) {
  return (
    <figure
      className="app-chart app-report__chart"
      role="img"
      aria-label={label}
      data-testid="report-rating-chart"
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} width={32} />
          <Tooltip />
          {/* In the questions' order (the table's), not sorted by name. */}
          <Legend itemSorter={null} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              isAnimationActive={false}
              dataKey={s.key}
              name={s.name}
              fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The leader's unit against the municipality, one pair of bars per factor (loaded lazily: recharts
 * is large). The same figures are in the table under it, so the chart is a picture with a short
 * text alternative.
 */
export function TenFactorChart({
  label,
  data,
  unitName,
  municipalityName,
}: {
  label: string;
  data: { name: string; unit: number; municipality: number | null }[];
  unitName: string;
  municipalityName: string;
}) {
  return (
    <figure className="app-chart" role="img" aria-label={label} data-testid="ten-factor-chart">
      <ResponsiveContainer width="100%" height={Math.max(320, data.length * 44)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar isAnimationActive={false} dataKey="unit" name={unitName} fill="#0062ba" />
          <Bar isAnimationActive={false} dataKey="municipality" name={municipalityName} fill="#b35c00" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

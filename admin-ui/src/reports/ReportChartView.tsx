import type { ReportChart } from './api';
import type { ChartData } from './pivot';

const COLOURS = ['#1976d2', '#e65100', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#f9a825', '#4e342e', '#5c6bc0', '#9e9d24'];

/**
 * A bar, line or stacked-bar chart drawn as plain SVG (no chart library): categories along the x axis, one colour per
 * series, a legend below. Negative values are drawn from zero down.
 */
export const ReportChartView = ({ data, kind, format }: { data: ChartData; kind: ReportChart; format: (v: number) => string }) => {
  if (kind === 'TABLE' || data.categories.length === 0 || data.series.length === 0) return null;
  const width = 640;
  const height = 280;
  const left = 70;
  const bottom = 60;
  const plotW = width - left - 10;
  const plotH = height - bottom - 10;
  const stacked = kind === 'STACKED';
  const totals = data.categories.map((_, i) =>
    stacked
      ? data.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...data.series.map((s) => s.values[i] ?? 0)),
  );
  const lows = data.categories.map((_, i) => Math.min(0, ...data.series.map((s) => s.values[i] ?? 0)));
  const max = Math.max(1e-9, ...totals);
  const min = Math.min(0, ...lows);
  const y = (v: number) => 10 + plotH - ((v - min) / (max - min)) * plotH;
  const band = plotW / data.categories.length;
  const series = data.series.slice(0, COLOURS.length);
  const barW = stacked || kind === 'LINE' ? band * 0.7 : (band * 0.8) / series.length;
  return (
    <svg viewBox={`0 0 ${width} ${height + 20 * Math.ceil(series.length / 3)}`} width="100%" role="img" data-testid="report-chart">
      <line x1={left} x2={width - 10} y1={y(0)} y2={y(0)} stroke="#999" />
      <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize="10">{format(max)}</text>
      {min < 0 && <text x={left - 4} y={y(min)} textAnchor="end" fontSize="10">{format(min)}</text>}
      {data.categories.map((c, i) => (
        <text key={c + i} x={left + band * (i + 0.5)} y={height - bottom + 24} fontSize="10" textAnchor="end"
          transform={`rotate(-35 ${left + band * (i + 0.5)} ${height - bottom + 24})`}>
          {c.length > 18 ? c.slice(0, 17) + '…' : c}
        </text>
      ))}
      {kind === 'LINE' &&
        series.map((s, k) => (
          <polyline key={s.name} fill="none" stroke={COLOURS[k]} strokeWidth={2}
            points={s.values.map((v, i) => `${left + band * (i + 0.5)},${y(v ?? 0)}`).join(' ')} />
        ))}
      {kind !== 'LINE' &&
        data.categories.map((c, i) => {
          let base = 0;
          return series.map((s, k) => {
            const v = s.values[i] ?? 0;
            const x = stacked ? left + band * i + (band - barW) / 2 : left + band * i + band * 0.1 + barW * k;
            const from = stacked ? base : 0;
            const to = from + v;
            if (stacked && v > 0) base = to;
            return (
              <rect key={c + s.name} x={x} width={Math.max(1, barW - 1)} y={Math.min(y(from), y(to))}
                height={Math.abs(y(from) - y(to))} fill={COLOURS[k]}>
                <title>{`${c} · ${s.name}: ${format(v)}`}</title>
              </rect>
            );
          });
        })}
      {series.map((s, k) => (
        <g key={s.name} transform={`translate(${left + (k % 3) * 190}, ${height + 4 + 20 * Math.floor(k / 3)})`}>
          <rect width={10} height={10} fill={COLOURS[k]} />
          <text x={14} y={9} fontSize="11">{s.name.length > 28 ? s.name.slice(0, 27) + '…' : s.name}</text>
        </g>
      ))}
    </svg>
  );
};

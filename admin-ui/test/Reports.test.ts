import { describe, expect, it } from 'vitest';
import { cellOf, chartData } from '../src/reports/pivot';
import type { ReportResult } from '../src/reports/api';

const result = (dims: string[], rows: [string[], number[]][]): ReportResult => ({
  columns: [
    ...dims.map((key) => ({ key, kind: 'DIMENSION' as const, label: key })),
    { key: 'calls', kind: 'MEASURE' as const, label: 'Звонки' },
    { key: 'amountNet', kind: 'MEASURE' as const, label: 'Сумма без НДС' },
  ],
  rows: rows.map(([dimensions, measures]) => ({ dimensions, measures })),
  totals: [0, 0],
  from: '2026-01-01',
  to: '2026-12-31',
  generatedAt: '2026-12-05T00:00:00Z',
});

describe('a report as a chart', () => {
  it('draws one series per measure along its one dimension', () => {
    const data = chartData(result(['month'], [[['2026-01-01'], [3, 10.5]], [['2026-02-01'], [1, 2]]]));
    expect(data.categories).toEqual(['2026-01-01', '2026-02-01']);
    expect(data.series.map((s) => s.name)).toEqual(['Звонки', 'Сумма без НДС']);
    expect(data.series[1].values).toEqual([10.5, 2]);
  });

  it('draws one series per value of the second dimension, the first measure, gaps as null', () => {
    const data = chartData(result(['month', 'service'], [
      [['2026-01-01', 'INBOUND_800'], [3, 0]], [['2026-01-01', 'OUTBOUND'], [2, 0]], [['2026-02-01', 'OUTBOUND'], [5, 0]],
    ]));
    expect(data.series).toEqual([
      { name: 'INBOUND_800', values: [3, null] },
      { name: 'OUTBOUND', values: [2, 5] },
    ]);
  });

  it('names the cell of a row by its dimensions for the drill-down', () => {
    const r = result(['day', 'account'], [[['2026-04-07', 'ACC-1001'], [2, 0]]]);
    expect(cellOf(r, r.rows[0])).toEqual({ day: '2026-04-07', account: 'ACC-1001' });
  });
});

import type { ReportResult } from './api';

/** One series of a chart: a name and a value per category (null: nothing there). */
export interface Series {
  name: string;
  values: (number | null)[];
}

export interface ChartData {
  categories: string[];
  series: Series[];
}

/**
 * What a chart shows of a report: the first dimension along the axis; with a second dimension, one series per value of
 * it (the first measure); with one dimension, one series per measure. Totals are not drawn.
 */
export function chartData(result: ReportResult, measureIndex = 0): ChartData {
  const dims = result.columns.filter((c) => c.kind === 'DIMENSION').length;
  const measures = result.columns.filter((c) => c.kind === 'MEASURE');
  const categories: string[] = [];
  const index = new Map<string, number>();
  const category = (row: { dimensions: string[] }) => (dims === 0 ? '' : row.dimensions[0]);
  for (const row of result.rows) {
    const c = category(row);
    if (!index.has(c)) {
      index.set(c, categories.length);
      categories.push(c);
    }
  }
  if (dims >= 2) {
    const byName = new Map<string, Series>();
    for (const row of result.rows) {
      const name = row.dimensions.slice(1).join(' · ');
      let s = byName.get(name);
      if (!s) {
        s = { name, values: categories.map(() => null) };
        byName.set(name, s);
      }
      const i = index.get(category(row))!;
      const v = toNumber(row.measures[measureIndex]);
      s.values[i] = v === null ? s.values[i] : (s.values[i] ?? 0) + v;
    }
    return { categories, series: [...byName.values()] };
  }
  return {
    categories,
    series: measures.map((m, k) => ({
      name: m.label,
      values: categories.map((c) => toNumber(result.rows.find((r) => category(r) === c)?.measures[k])),
    })),
  };
}

export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The cell of a row: its value of each dimension, for the drill-down. */
export function cellOf(result: ReportResult, row: { dimensions: string[] }): Record<string, string> {
  const cell: Record<string, string> = {};
  result.columns
    .filter((c) => c.kind === 'DIMENSION')
    .forEach((c, i) => {
      cell[c.key] = row.dimensions[i] ?? '';
    });
  return cell;
}

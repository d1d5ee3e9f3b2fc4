import type { GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';

/**
 * Paging, sorting and filtering done in the browser for API resources that return plain arrays.
 * Filters: `q` searches every field; any other key keeps records whose field contains the value
 * (case-insensitive).
 */
export function listLocally<T extends RaRecord>(
  records: T[],
  params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>,
): GetListResult<T> {
  const filtered = records.filter((record) => matchesFilter(record, params.filter ?? {}));
  const sorted = params.sort?.field ? sortRecords(filtered, params.sort.field, params.sort.order) : filtered;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: sorted.length };
  const start = (page - 1) * perPage;
  return { data: sorted.slice(start, start + perPage), total: sorted.length };
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(' ');
  return String(value);
}

function matchesFilter(record: RaRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (wanted === undefined || wanted === null || wanted === '') return true;
    const needle = text(wanted).toLowerCase();
    if (key === 'q') {
      return Object.values(record).some((v) => text(v).toLowerCase().includes(needle));
    }
    return text(record[key]).toLowerCase().includes(needle);
  });
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function sortRecords<T extends RaRecord>(records: T[], field: string, order: string): T[] {
  const direction = order === 'DESC' ? -1 : 1;
  return [...records].sort((a, b) => direction * collator.compare(text(a[field]), text(b[field])));
}

/** Adds react-admin's `id` to each item, taken from its natural key. */
export function withIds<T extends object>(items: T[], key: keyof T): (T & { id: Identifier })[] {
  return items.map((item) => ({ ...item, id: String(item[key]) }));
}

/** Drops react-admin's `id` (and other fields the API does not know) before sending. */
export function pick<T extends object>(record: Record<string, unknown>, fields: (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = record[f as string];
    if (v !== undefined && v !== null && v !== '') out[f as string] = v;
  }
  return out as T;
}

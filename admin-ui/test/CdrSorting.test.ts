import { describe, expect, it } from 'vitest';
import { dataProvider } from '../src/dataProvider';
import { cdrQuery } from '../src/cdrs/dataProvider';
import { rejectQuery } from '../src/rejects/dataProvider';
import { exportUrl } from '../src/shared/ExportButtons';
import { mockFetch } from './fetchMock';

describe('the CDR list and the rejects queue sorted by the server', () => {
  it('send react-admin\'s sort as the API\'s sort, field or field,desc', async () => {
    const seen = mockFetch(() => ({ body: { items: [], total: 0, page: 0, size: 25 } }));
    await dataProvider.getList('cdrs', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'total', order: 'DESC' },
      filter: { account: 'ACC-1001' },
    });
    await dataProvider.getList('rejects', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'reason', order: 'ASC' },
      filter: {},
    });
    expect(seen[0].url.pathname).toBe('/api/v1/cdrs');
    expect(seen[0].url.searchParams.get('sort')).toBe('total,desc');
    expect(seen[0].url.searchParams.get('account')).toBe('ACC-1001');
    expect(seen[1].url.pathname).toBe('/api/v1/rejects');
    expect(seen[1].url.searchParams.get('sort')).toBe('reason');
    expect(seen[1].url.searchParams.get('page')).toBe('1');
  });

  it('map each sortable column to its API name, and never ask for a column the server cannot sort by', () => {
    const cdrSort = (field: string, order = 'ASC') => cdrQuery({ sort: { field, order } }).sort;
    expect(['startTime', 'durationSec', 'total', 'account', 'callType', 'status', 'reason', 'source', 'caller', 'called']
      .map((f) => cdrSort(f, 'DESC'))).toEqual(['startTime,desc', 'durationSec,desc', 'total,desc', 'account,desc',
      'callType,desc', 'status,desc', 'reason,desc', 'source,desc', 'caller,desc', 'called,desc']);
    expect(cdrSort('cdrId')).toBeUndefined();
    expect(cdrSort('id')).toBeUndefined();
    const rejectSort = (field: string, order = 'ASC') => rejectQuery({ sort: { field, order } }).sort;
    expect(rejectSort('account')).toBe('account');
    expect(rejectSort('reprocessedAt', 'DESC')).toBe('reprocessedAt,desc');
    // the rejects queue has no status nor total to sort by
    expect(rejectSort('status')).toBeUndefined();
    expect(rejectSort('total')).toBeUndefined();
    expect(rejectSort('reasonDetail')).toBeUndefined();
  });

  it('export what the list shows: the same filters and order, without the page', () => {
    const { page: _p, size: _s, ...cdrs } = cdrQuery({ filter: { status: 'RATED' }, sort: { field: 'durationSec', order: 'DESC' } });
    expect(exportUrl('/api/v1/cdrs', 'csv', cdrs)).toBe('/api/v1/cdrs.csv?sort=durationSec%2Cdesc&status=RATED');
    const { page: _p2, size: _s2, ...rejects } = rejectQuery({ filter: { reason: 'NO_RATE' }, sort: { field: 'startTime', order: 'ASC' } });
    expect(exportUrl('/api/v1/rejects', 'xlsx', rejects)).toBe('/api/v1/rejects.xlsx?sort=startTime&reason=NO_RATE');
  });
});

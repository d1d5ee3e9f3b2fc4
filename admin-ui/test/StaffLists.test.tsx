import { describe, expect, it } from 'vitest';
import { dataProvider } from '../src/dataProvider';
import { accountQuery } from '../src/accounts/dataProvider';
import { exportUrl } from '../src/shared/ExportButtons';
import { mockFetch } from './fetchMock';

describe('staff lists paged by the server', () => {
  it('asks the accounts of one page, searched and sorted, and reads the total from X-Total-Count', async () => {
    const seen = mockFetch(() => ({ body: [{ account: 'ACC-1002', client: 'АО «Вектор»' }], headers: { 'X-Total-Count': '31' } }));
    const result = await dataProvider.getList('accounts', {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'client', order: 'DESC' },
      filter: { q: ' 8 800 100-20-30 ' },
    });
    const query = seen[0].url.searchParams;
    expect(seen[0].url.pathname).toBe('/api/v1/accounts');
    expect(query.get('q')).toBe('8 800 100-20-30');
    expect(query.get('sort')).toBe('client,desc');
    expect(query.get('page')).toBe('2');
    expect(query.get('size')).toBe('10');
    expect(result.total).toBe(31);
    expect(result.data[0].id).toBe('ACC-1002');
  });

  it('exports what the list shows: the same filters and order, without the page', () => {
    expect(exportUrl('/api/v1/accounts', 'csv', accountQuery({ q: 'Ромашка', tariff: '' }, { field: 'inn', order: 'ASC' })))
      .toBe('/api/v1/accounts.csv?q=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0&sort=inn');
    expect(exportUrl('/api/v1/documents', 'xlsx', {})).toBe('/api/v1/documents.xlsx');
  });

  it('a column the server cannot sort by is not asked for', () => {
    expect(accountQuery({}, { field: 'numbers', order: 'ASC' }).sort).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { cdrId, parseCdrId } from '../src/cdrs/dataProvider';
import { mockFetch } from './fetchMock';

const cdr = (source: string, id: string, total = '91.68') => ({
  source,
  cdrId: id,
  status: 'RATED',
  callType: 'INBOUND_800',
  startTime: '2026-03-10T07:15:00Z',
  caller: '79161234567',
  called: '78005553535',
  total,
  currency: 'RUB',
  lines: [],
});

const destinations = [
  { prefix: '7495', destinationClass: 'MOSCOW' },
  { prefix: '79', destinationClass: 'RU_MOBILE' },
  { prefix: '7', destinationClass: 'RU_FIXED' },
  { prefix: '375', destinationClass: 'BELARUS' },
  { prefix: '7812', destinationClass: 'SPB' },
];

describe('cdrs', () => {
  it('maps list params to the query and the page to {data, total} with source/cdrId ids', async () => {
    const seen = mockFetch(() => ({
      body: { items: [cdr('pbx', 'a/1'), cdr('e2e', 'b 2', '10.00')], total: 123, page: 2, size: 10 },
    }));

    const result = await dataProvider.getList('cdrs', {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'startTime', order: 'DESC' },
      filter: { status: 'RATED', account: 'ACC-1', source: 'pbx', from: '2026-03-01T00:00:00+03:00' },
    });

    expect(seen).toHaveLength(1);
    const { method, url } = seen[0];
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/api/v1/cdrs');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '2', // react-admin pages start at 1, the API's at 0
      size: '10',
      status: 'RATED',
      account: 'ACC-1',
      source: 'pbx',
      from: '2026-02-28T21:00:00.000Z',
      sort: 'startTime,desc', // react-admin's sort, sorted by the server
    });
    expect(result.total).toBe(123);
    expect(result.data.map((r) => r.id)).toEqual(['pbx/a%2F1', 'e2e/b%202']);
    expect(result.data[1].total).toBe('10.00');
  });

  it('omits empty filters and asks for page 0 first', async () => {
    const seen = mockFetch(() => ({ body: { items: [], total: 0, page: 0, size: 25 } }));
    const result = await dataProvider.getList('cdrs', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'startTime', order: 'DESC' },
      filter: { status: '', account: undefined },
    });
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual({ page: '0', size: '25', sort: 'startTime,desc' });
    expect(result).toEqual({ data: [], total: 0 });
  });

  it('gets one record by its composite id', async () => {
    const seen = mockFetch(() => ({ body: cdr('pbx', 'a/1') }));
    const { data } = await dataProvider.getOne('cdrs', { id: 'pbx/a%2F1' });
    expect(seen[0].url.pathname).toBe('/api/v1/cdrs/pbx/a%2F1');
    expect(data.id).toBe('pbx/a%2F1');
    expect(data.cdrId).toBe('a/1');
  });

  it('builds and parses ids symmetrically', () => {
    const id = cdrId('src/x', 'id%/?');
    expect(id).toBe('src%2Fx/id%25%2F%3F');
    expect(parseCdrId(id)).toEqual({ source: 'src/x', cdrId: 'id%/?' });
  });

  it('turns problem+json into an HttpError with detail and field errors', async () => {
    mockFetch(() => ({
      status: 400,
      contentType: 'application/problem+json',
      body: {
        title: 'Bad Request',
        status: 400,
        detail: 'Invalid query',
        errors: [{ field: 'from', message: 'must be a date-time' }],
      },
    }));
    const error = await dataProvider
      .getList('cdrs', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid query — from: must be a date-time');
  });

  it('reports 401 with status 401 (authProvider.checkError sends the browser to /login)', async () => {
    mockFetch(() => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }));
    const error = await dataProvider.getOne('cdrs', { id: 'a/b' }).catch((e) => e);
    expect(error.status).toBe(401);
    expect(error.message).toBe('Unauthorized');
  });
});

describe('plain-array resources', () => {
  it('pages, sorts and filters in the browser and uses the natural key as id', async () => {
    const seen = mockFetch(() => ({ body: destinations }));
    const page2 = await dataProvider.getList('destinations', {
      pagination: { page: 2, perPage: 2 },
      sort: { field: 'prefix', order: 'ASC' },
      filter: {},
    });
    expect(seen[0].url.pathname).toBe('/api/v1/reference/destinations');
    expect(seen[0].url.search).toBe('');
    expect(page2.total).toBe(5);
    // numeric-aware order: 7, 79, 375, 7495, 7812
    expect(page2.data.map((r) => r.id)).toEqual(['375', '7495']);

    const search = await dataProvider.getList('destinations', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'destinationClass', order: 'DESC' },
      filter: { q: 'ru_' },
    });
    expect(search.total).toBe(2);
    expect(search.data.map((r) => r.destinationClass)).toEqual(['RU_MOBILE', 'RU_FIXED']);
  });

  it('uses each resource key as id', async () => {
    mockFetch(({ url }) => {
      if (url.pathname.endsWith('/holidays')) return { body: [{ date: '2026-01-01', name: 'New Year' }] };
      if (url.pathname.endsWith('/operators')) return { body: [{ operatorId: 'OP-102', site: 'MSK' }] };
      if (url.pathname.endsWith('/trunks')) return { body: [{ trunk: 'T1' }] };
      if (url.pathname.endsWith('/origins')) return { body: [{ prefix: '7916', origin: 'MOBILE' }] };
      if (url.pathname.endsWith('/accounts')) return { body: [{ account: 'ACC-1', client: 'Acme' }] };
      return { status: 404, body: {} };
    });
    const params = { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };
    expect((await dataProvider.getList('holidays', params)).data[0].id).toBe('2026-01-01');
    expect((await dataProvider.getList('operators', params)).data[0].id).toBe('OP-102');
    expect((await dataProvider.getList('trunks', params)).data[0].id).toBe('T1');
    expect((await dataProvider.getList('origins', params)).data[0].id).toBe('7916');
    expect((await dataProvider.getList('accounts', params)).data[0].id).toBe('ACC-1');
  });

  it('finds one record in the list for getOne', async () => {
    mockFetch(() => ({ body: destinations }));
    const { data } = await dataProvider.getOne('destinations', { id: '79' });
    expect(data).toEqual({ id: '79', prefix: '79', destinationClass: 'RU_MOBILE' });
  });
});

describe('XSRF header on state-changing requests', () => {
  it('sends X-XSRF-TOKEN from the cookie on PUT, and the body without react-admin id', async () => {
    document.cookie = 'XSRF-TOKEN=tok-123; path=/';
    const seen = mockFetch(({ method, body }) => (method === 'PUT' ? { body } : { body: destinations }));
    const { data } = await dataProvider.update('destinations', {
      id: '79',
      data: { id: '79', prefix: '79', destinationClass: 'RU_MOBILE_NEW' },
      previousData: { id: '79', prefix: '79', destinationClass: 'RU_MOBILE' },
    });
    const put = seen.find((s) => s.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/v1/reference/destinations');
    expect(put.headers.get('X-XSRF-TOKEN')).toBe('tok-123');
    expect(put.body).toEqual({ prefix: '79', destinationClass: 'RU_MOBILE_NEW' });
    expect(data).toEqual({ id: '79', prefix: '79', destinationClass: 'RU_MOBILE_NEW' });
  });

  it('sends it on DELETE, with the key in the path', async () => {
    document.cookie = 'XSRF-TOKEN=tok-del; path=/';
    const seen = mockFetch(() => ({ status: 204 }));
    await dataProvider.delete('holidays', { id: '2026-01-01', previousData: { id: '2026-01-01' } });
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('DELETE');
    expect(seen[0].url.pathname).toBe('/api/v1/reference/holidays/2026-01-01');
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-del');
  });

  it('sends it on create (a PUT), not on the GET that checks the key is new', async () => {
    document.cookie = 'XSRF-TOKEN=tok-post; path=/';
    const seen = mockFetch(({ method, body }) => (method === 'PUT' ? { body } : { body: [] }));
    const { data } = await dataProvider.create('trunks', { data: { trunk: 'T9', description: 'new' } });
    expect(data).toEqual({ id: 'T9', trunk: 'T9', description: 'new' });
    const get = seen.find((s) => s.method === 'GET')!;
    const put = seen.find((s) => s.method === 'PUT')!;
    expect(get.headers.get('X-XSRF-TOKEN')).toBeNull();
    expect(put.headers.get('X-XSRF-TOKEN')).toBe('tok-post');
  });

  it('refuses to create over an existing key', async () => {
    const seen = mockFetch(() => ({ body: destinations }));
    const error = await dataProvider
      .create('destinations', { data: { prefix: '7495', destinationClass: 'X' } })
      .catch((e) => e);
    expect(error.status).toBe(409);
    expect(error.message).toBe('app.errors.already_exists');
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
  });

  it('refuses to delete where the API has no DELETE', async () => {
    const seen = mockFetch(() => ({ status: 204 }));
    const error = await dataProvider.delete('operators', { id: 'OP-1' }).catch((e) => e);
    expect(error.status).toBe(405);
    expect(seen).toHaveLength(0);
  });

  it('fetches the cookie first when it is missing', async () => {
    const seen = mockFetch(({ method, url, body }) => {
      if (method === 'GET' && url.pathname === '/api/v1/me') {
        document.cookie = 'XSRF-TOKEN=fresh; path=/';
        return { body: { username: 'manager', roles: [] } };
      }
      return { body };
    });
    await dataProvider.update('trunks', { id: 'T1', data: { trunk: 'T1' }, previousData: { id: 'T1', trunk: 'T1' } });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /api/v1/me',
      'PUT /api/v1/reference/trunks',
    ]);
    expect(seen[1].headers.get('X-XSRF-TOKEN')).toBe('fresh');
  });
});

describe('cdr mappings and jobs', () => {
  it('sends the definition edited as text as a JSON object', async () => {
    const seen = mockFetch((req) => ({ body: req.method === 'GET' ? [] : req.body }));
    const result = await dataProvider.create('cdr-mappings', {
      data: { name: 'pbx-spb', format: 'ASTERISK_CSV', definition: '{"timeZone": "UTC"}', description: '' },
    });
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/v1/cdr-mappings');
    expect(put.body).toEqual({ name: 'pbx-spb', format: 'ASTERISK_CSV', definition: { timeZone: 'UTC' } });
    expect(result.data.id).toBe('pbx-spb');
  });

  it('reads one job by its id', async () => {
    const seen = mockFetch(() => ({ body: { id: 'j-1', kind: 'CDR_IMPORT', state: 'RUNNING', done: 5, total: 9, counts: { RATED: 5 } } }));
    const { data } = await dataProvider.getOne('jobs', { id: 'j-1' });
    expect(seen[0].url.pathname).toBe('/api/v1/jobs/j-1');
    expect(data).toMatchObject({ id: 'j-1', done: 5, total: 9 });
  });
});

describe('a refused mapping', () => {
  it('puts the problems of the definition under its input', async () => {
    mockFetch((req) =>
      req.method === 'GET'
        ? { body: [] }
        : {
            status: 400,
            contentType: 'application/problem+json',
            body: {
              title: 'Invalid mapping',
              status: 400,
              detail: 'definition.fields.trunk.regex: invalid regular expression',
              errors: [
                { field: 'definition.fields.trunk.regex', message: 'invalid regular expression' },
                { field: 'definition.timeZone', message: "unknown time zone 'X'" },
                { field: 'name', message: 'is required' },
              ],
            },
          },
    );
    const error = await dataProvider
      .create('cdr-mappings', { data: { name: 'x', format: 'ASTERISK_CSV', definition: '{}' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.body.errors).toEqual({
      definition: "definition.fields.trunk.regex: invalid regular expression; definition.timeZone: unknown time zone 'X'",
      name: 'is required',
    });
  });
});

describe('accounts and periods', () => {
  it('reads one account with its details and saves only what the API takes', async () => {
    document.cookie = 'XSRF-TOKEN=tok; path=/';
    const seen = mockFetch((req) => {
      if (req.method === 'GET') {
        return { body: { account: 'ACC-1001', client: 'ООО «Ромашка»', inn: '7705123452', numbers: [{ number: '78005553535', validFrom: '2025-12-01' }] } };
      }
      return { body: { ...(req.body as object) } };
    });
    const one = await dataProvider.getOne('accounts', { id: 'ACC-1001' });
    expect(one.data.id).toBe('ACC-1001');
    expect(one.data.inn).toBe('7705123452');
    await dataProvider.update('accounts', {
      id: 'ACC-1001',
      data: { client: 'ООО «Ромашка и К»', legalAddress: { postalCode: '', address: '' } },
      previousData: one.data,
    });
    expect(seen[1].method).toBe('PUT');
    expect(seen[1].url.pathname).toBe('/api/v1/accounts/ACC-1001');
    expect(seen[1].body).toEqual({ account: 'ACC-1001', client: 'ООО «Ромашка и К»', inn: '7705123452' });
  });

  it('lists periods by month and reads one', async () => {
    mockFetch((req) =>
      req.url.pathname === '/api/v1/periods'
        ? { body: [{ month: '2026-11', state: 'OPEN', closedAccounts: 0, accounts: 2 },
            { month: '2026-10', state: 'CLOSED', closedAccounts: 2, accounts: 2 }] }
        : { body: { month: '2026-10', state: 'CLOSED', closedAccounts: 2, accounts: 2, closes: [] } },
    );
    const list = await dataProvider.getList('periods', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'month', order: 'DESC' },
      filter: {},
    });
    expect(list.data.map((p) => p.id)).toEqual(['2026-11', '2026-10']);
    const one = await dataProvider.getOne('periods', { id: '2026-10' });
    expect(one.data.state).toBe('CLOSED');
  });
});

import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { tariffApi } from '../src/tariffs/api';
import { dataProvider } from '../src/dataProvider';
import { mockFetch } from './fetchMock';

const CODE = 'CC-STANDARD-2026';
const BASE = `/api/v1/tariffs/${CODE}`;
const OTHER = 'CC-BASIC';
const draft = { tariff: CODE, version: 4, state: 'DRAFT', basedOn: 3, models: [] };

describe('tariffs in the data provider', () => {
  it('lists tariffs with their code as id and finds one for the show page', async () => {
    const tariffs = [
      { code: OTHER, name: 'B', versionInForce: 1, latestVersion: 1 },
      { code: CODE, name: 'Стандарт 2026', versionInForce: 3, latestVersion: 4 },
    ];
    const seen = mockFetch(() => ({ body: tariffs }));
    const list = await dataProvider.getList('tariffs', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(seen[0].method).toBe('GET');
    expect(seen[0].url.pathname).toBe('/api/v1/tariffs');
    expect(list.data.map((t) => t.id)).toEqual([OTHER, CODE]); // sorted by code
    const { data } = await dataProvider.getOne('tariffs', { id: CODE });
    expect(data).toMatchObject({ id: CODE, versionInForce: 3, latestVersion: 4 });
  });

  it('is read-only: no PUT for tariffs', async () => {
    const seen = mockFetch(() => ({ body: [] }));
    const error = await dataProvider
      .update('tariffs', { id: CODE, data: { name: 'x' }, previousData: { id: CODE } })
      .catch((e) => e);
    expect(error.status).toBe(405);
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
  });
});

describe('tariffApi', () => {
  it('reads versions, one version and the audit with GET and no XSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=tok-get; path=/';
    const seen = mockFetch(({ url }) => ({ body: url.pathname.endsWith('/4') ? draft : [] }));
    await tariffApi.versions(CODE);
    await tariffApi.version(CODE, 4);
    await tariffApi.audit(CODE);
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      `GET ${BASE}/versions`,
      `GET ${BASE}/versions/4`,
      `GET ${BASE}/audit`,
    ]);
    expect(seen.every((s) => s.headers.get('X-XSRF-TOKEN') === null)).toBe(true);
    expect(seen.every((s) => s.headers.get('X-Requested-With') === 'XMLHttpRequest')).toBe(true);
    // the server answers in the UI's language (Russian by default), not the browser's
    expect(seen.every((s) => s.headers.get('Accept-Language') === 'ru')).toBe(true);
  });

  it('creates a draft from a version: POST versions {basedOn} with the XSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=tok-post; path=/';
    const seen = mockFetch(() => ({ status: 201, body: draft }));
    const created = await tariffApi.createDraft(CODE, 3);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe(`${BASE}/versions`);
    expect(seen[0].body).toEqual({ basedOn: 3 });
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-post');
    expect(created.version).toBe(4);
  });

  it('saves a model: PUT .../models/{name} with kind and content', async () => {
    document.cookie = 'XSRF-TOKEN=tok-put; path=/';
    const seen = mockFetch(({ body }) => ({ body: { name: 'network-minute.dmn', ...(body as object) } }));
    await tariffApi.saveModel(CODE, 4, { name: 'network-minute.dmn', kind: 'DMN', content: '<definitions/>' });
    expect(seen[0].method).toBe('PUT');
    expect(seen[0].url.pathname).toBe(`${BASE}/versions/4/models/network-minute.dmn`);
    expect(seen[0].body).toEqual({ kind: 'DMN', content: '<definitions/>' });
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-put');
  });

  it('removes a model with DELETE and the XSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=tok-del; path=/';
    const seen = mockFetch(() => ({ status: 204 }));
    await tariffApi.deleteModel(CODE, 4, 'call-lines.drl');
    expect(seen[0].method).toBe('DELETE');
    expect(seen[0].url.pathname).toBe(`${BASE}/versions/4/models/call-lines.drl`);
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-del');
  });

  it('validates with POST .../validate', async () => {
    document.cookie = 'XSRF-TOKEN=tok-val; path=/';
    const validation = {
      valid: false,
      messages: [{ model: 'call-lines.drl', severity: 'ERROR', message: 'bad', location: 'line 12, column 4' }],
    };
    const seen = mockFetch(() => ({ body: validation }));
    expect(await tariffApi.validate(CODE, 4)).toEqual(validation);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe(`${BASE}/versions/4/validate`);
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-val');
  });

  it('publishes with POST .../publish {effectiveFrom}', async () => {
    document.cookie = 'XSRF-TOKEN=tok-pub; path=/';
    const seen = mockFetch(() => ({ body: { ...draft, state: 'PUBLISHED' } }));
    const published = await tariffApi.publish(CODE, 4, '2026-12-01T00:00:00+03:00');
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe(`${BASE}/versions/4/publish`);
    expect(seen[0].body).toEqual({ effectiveFrom: '2026-12-01T00:00:00+03:00' });
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-pub');
    expect(published.state).toBe('PUBLISHED');
  });

  it('turns a 422 problem of publish into an HttpError keeping the errors', async () => {
    const problem = {
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The version cannot be published',
      errors: [{ field: 'effectiveFrom', message: 'falls in the closed period 2026-10' }],
    };
    mockFetch(() => ({ status: 422, contentType: 'application/problem+json', body: problem }));
    const error = await tariffApi.publish(CODE, 4, '2026-10-15T00:00:00+03:00').catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(422);
    expect(error.body.errors).toEqual(problem.errors);
    expect(error.message).toBe('The version cannot be published — effectiveFrom: falls in the closed period 2026-10');
  });

  it('simulates records or a period of stored CDRs with POST .../simulate', async () => {
    document.cookie = 'XSRF-TOKEN=tok-sim; path=/';
    const result = { recordCount: 0, changedCount: 0, currentTotal: '0.00', candidateTotal: '0.00', delta: '0.00', totals: [], records: [] };
    const seen = mockFetch(() => ({ body: result }));
    await tariffApi.simulate(CODE, 4, { records: [{ source: 's', cdrId: '1' }] });
    await tariffApi.simulate(CODE, 4, { account: 'ACC-1001', from: '2026-11-01T00:00:00+03:00', to: '2026-12-01T00:00:00+03:00' });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      `POST ${BASE}/versions/4/simulate`,
      `POST ${BASE}/versions/4/simulate`,
    ]);
    expect(seen[0].body).toEqual({ records: [{ source: 's', cdrId: '1' }] });
    expect(seen[1].body).toEqual({ account: 'ACC-1001', from: '2026-11-01T00:00:00+03:00', to: '2026-12-01T00:00:00+03:00' });
    expect(seen.every((s) => s.headers.get('X-XSRF-TOKEN') === 'tok-sim')).toBe(true);
  });

  it('diffs against the base version by default, or against ?against=N', async () => {
    const seen = mockFetch(() => ({ body: { tariff: CODE, from: 3, to: 4, models: [] } }));
    await tariffApi.diff(CODE, 4);
    await tariffApi.diff(CODE, 4, 2);
    expect(seen[0].url.pathname).toBe(`${BASE}/versions/4/diff`);
    expect(seen[0].url.search).toBe('');
    expect(seen[1].url.search).toBe('?against=2');
  });

  it('encodes the tariff code and the model name in the path', async () => {
    const seen = mockFetch(() => ({ body: [] }));
    await tariffApi.versions('A B/C');
    expect(seen[0].url.pathname).toBe('/api/v1/tariffs/A%20B%2FC/versions');
  });
});

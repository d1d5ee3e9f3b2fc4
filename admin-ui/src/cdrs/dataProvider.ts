import { HttpError, type DataProvider, type Identifier } from 'react-admin';
import { api } from '../api/client';
import { noResourceProvider } from '../api/arrayResource';
import { sortParam, unwrap } from '../api/unwrap';
import type { components, paths } from '../api/schema';

/** `cdrs`: stored CDRs, paged and filtered by the server (`page` 0-based, `size`); read-only. */

export type RatedCdr = components['schemas']['RatedCdr'];
export type CdrRecordWithId = RatedCdr & { id: string };

type CdrListQuery = NonNullable<paths['/api/v1/cdrs']['get']['parameters']['query']>;

/** react-admin id of a stored CDR: `${source}/${cdrId}`, both parts URI-encoded. */
export function cdrId(source: string, id: string): string {
  return `${encodeURIComponent(source)}/${encodeURIComponent(id)}`;
}

export function parseCdrId(id: Identifier): { source: string; cdrId: string } {
  const text = String(id);
  const slash = text.indexOf('/');
  if (slash < 0) throw new HttpError(`Bad CDR id ${text}`, 400);
  return {
    source: decodeURIComponent(text.slice(0, slash)),
    cdrId: decodeURIComponent(text.slice(slash + 1)),
  };
}

const withCdrId = (cdr: RatedCdr): CdrRecordWithId => ({ ...cdr, id: cdrId(cdr.source ?? '', cdr.cdrId ?? '') });

/** A datetime-local value ("2026-03-10T10:15") or an ISO string, as ISO-8601 with offset. */
function isoDateTime(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** the CDR list's columns the server sorts by (react-admin field → the API's sort name) */
export const CDR_SORTS: Record<string, string> = {
  startTime: 'startTime', receivedAt: 'receivedAt', durationSec: 'durationSec', total: 'total', account: 'account',
  callType: 'callType', status: 'status', reason: 'reason', source: 'source', caller: 'caller', called: 'called',
};

export function cdrQuery(params: {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
  sort?: { field?: string; order?: string };
}, sorts: Record<string, string> = CDR_SORTS): CdrListQuery {
  const filter = params.filter ?? {};
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 50 };
  const query: CdrListQuery = { page: Math.max(page - 1, 0), size: perPage };
  const sort = sortParam(params.sort, sorts);
  if (sort) query.sort = sort;
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
  if (str(filter.status)) query.status = str(filter.status) as CdrListQuery['status'];
  if (str(filter.account)) query.account = str(filter.account);
  if (str(filter.source)) query.source = str(filter.source);
  if (isoDateTime(filter.from)) query.from = isoDateTime(filter.from);
  if (isoDateTime(filter.to)) query.to = isoDateTime(filter.to);
  return query;
}

async function getCdr(id: Identifier): Promise<CdrRecordWithId> {
  const path = parseCdrId(id);
  const cdr = await unwrap(api.GET('/api/v1/cdrs/{source}/{cdrId}', { params: { path } }));
  return withCdrId(cdr);
}

const getList: DataProvider['getList'] = async (_resource, params) => {
  const page = await unwrap(api.GET('/api/v1/cdrs', { params: { query: cdrQuery(params) } }));
  return { data: page.items.map(withCdrId), total: page.total } as any;
};

export const cdrDataProvider: DataProvider = {
  ...noResourceProvider,
  getList,

  async getOne(_resource, params) {
    return { data: (await getCdr(params.id)) as any };
  },

  async getMany(_resource, params) {
    return { data: (await Promise.all(params.ids.map(getCdr))) as any };
  },

  async getManyReference(resource, params) {
    const filter = { ...params.filter, [params.target]: params.id };
    return getList(resource, { ...params, filter });
  },
};

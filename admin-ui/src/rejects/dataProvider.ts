import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { noResourceProvider } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components, paths } from '../api/schema';
import { cdrId, cdrQuery } from '../cdrs/dataProvider';

/** `rejects`: the rejects queue (отсев), paged and filtered by the server, with counts by reason in `meta`. */

type RejectListQuery = NonNullable<paths['/api/v1/rejects']['get']['parameters']['query']>;
export type RejectedCdr = components['schemas']['RejectedCdr'];
export type RejectReason = components['schemas']['RejectReason'];

/** the rejects queue's columns the server sorts by (react-admin field → the API's sort name) */
export const REJECT_SORTS: Record<string, string> = {
  startTime: 'startTime', receivedAt: 'receivedAt', reason: 'reason', account: 'account', source: 'source',
  callType: 'callType', durationSec: 'durationSec', caller: 'caller', called: 'called', reprocessedAt: 'reprocessedAt',
};

/** The rejects queue's filters (reason, source, account, from, to), order and page as its query. */
export function rejectQuery(params: {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
  sort?: { field?: string; order?: string };
}): RejectListQuery {
  const { status: _ignored, ...common } = cdrQuery(params, REJECT_SORTS);
  const query: RejectListQuery = common;
  const reason = params.filter?.reason;
  if (reason !== undefined && reason !== null && reason !== '') query.reason = String(reason) as RejectReason;
  return query;
}

export const rejectDataProvider: DataProvider = {
  ...noResourceProvider,

  async getList(_resource, params) {
    const page = await unwrap(api.GET('/api/v1/rejects', { params: { query: rejectQuery(params) } }));
    const data = page.items.map((r) => ({ ...r, id: cdrId(r.source, r.cdrId) }));
    return { data, total: page.total, meta: { countsByReason: page.countsByReason } } as any;
  },
};

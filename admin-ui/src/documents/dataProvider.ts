import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { noResourceProvider } from '../api/arrayResource';
import { sortParam, unwrap, unwrapPage } from '../api/unwrap';
import type { components } from '../api/schema';


export type IssuedDocument = components['schemas']['Document'];

/** the list's columns the server sorts by (react-admin field → the API's sort name) */
export const DOCUMENT_SORTS: Record<string, string> = {
  month: 'month', date: 'date', number: 'number', account: 'account', clientName: 'client', type: 'type', gross: 'gross',
};

export function documentQuery(filter: Record<string, unknown> = {}, sort?: { field?: string; order?: string }) {
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v).trim());
  return {
    month: str(filter.month),
    account: str(filter.account),
    type: str(filter.type) as components['schemas']['DocumentType'] | undefined,
    q: str(filter.q),
    sort: sortParam(sort, DOCUMENT_SORTS),
  };
}

/** `documents`: issued documents, filtered (month, account, type, text), sorted and paged by the server; read-only. */
export const documentDataProvider: DataProvider = {
  ...noResourceProvider,

  async getList(_resource, params) {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const found = await unwrapPage(api.GET('/api/v1/documents', {
      params: { query: { ...documentQuery(params.filter, params.sort), page: Math.max(page - 1, 0), size: perPage } },
    }));
    return { data: found.data.map((d) => ({ ...d, id: d.id })), total: found.total } as any;
  },

  async getOne(_resource, params) {
    const doc = await unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id: String(params.id) } } }));
    return { data: doc as any };
  },
};
